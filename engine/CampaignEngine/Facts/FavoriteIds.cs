namespace CampaignEngine.Facts;

/// <summary>
/// favorite_category (or favorite_style) of every customer as text ids (<see cref="FactTable.Texts"/>), so that
/// <c>favorite_style = "韩版"</c> compares ints a block at a time instead of scanning each customer's order lines
/// for every rule that asks. A customer's favourite depends only on their orders before the moment, which the
/// table counts (<see cref="FactTable.OrdersBefore"/>): each row keeps the count its id was worked out for, and
/// at a new moment only the customers whose count moved are worked out again.
/// </summary>
internal sealed class FavoriteIds(FactTable table, bool styles)
{
    private readonly int[] ids = new int[table.RowCount];
    private readonly int[] ordersSeen = NeverSeen(table.RowCount);
    private readonly Lock refreshing = new();
    private int[]? textIdOf;
    private long refreshedAt = long.MinValue;

    /// <summary>The column as of the table's moment (−1 for a customer without a favourite).</summary>
    public int[] Column
    {
        get
        {
            if (Volatile.Read(ref refreshedAt) != table.Moment)
            {
                Refresh();
            }

            return ids;
        }
    }

    private void Refresh()
    {
        lock (refreshing)
        {
            var moment = table.Moment;
            if (refreshedAt == moment)
            {
                return;
            }

            // Names of the history's vocabulary as pooled text ids, once: the vocabulary never changes.
            var names = styles ? table.History.Styles : table.History.Categories;
            textIdOf ??= [.. Enumerable.Range(0, names.Count).Select(id => FactTable.Texts.IdOf(names.NameOf(id)))];
            var orders = table.OrdersBefore;
            for (var row = 0; row < ids.Length; row++)
            {
                if (ordersSeen[row] != orders[row])
                {
                    var favorite = styles ? Favorites.StyleId(table, row) : Favorites.CategoryId(table, row);
                    ids[row] = favorite < 0 ? -1 : textIdOf[favorite];
                    ordersSeen[row] = orders[row];
                }
            }

            Volatile.Write(ref refreshedAt, moment);
        }
    }

    private static int[] NeverSeen(int rows)
    {
        var seen = new int[rows];
        Array.Fill(seen, -1);
        return seen;
    }
}
