namespace CampaignEngine.Facts;

/// <summary>
/// favorite_category and favorite_style of every customer as text ids (<see cref="FactTable.Texts"/>), so that
/// <c>favorite_style = "韩版"</c> compares ints a block at a time instead of scanning each customer's order lines
/// for every rule that asks. A customer's favourites depend only on their orders before the moment, which the
/// table counts (<see cref="FactTable.OrdersBefore"/>): each row keeps the count its ids were worked out for, and
/// at a new moment only the customers whose count moved are worked out again, both favourites in one scan.
/// </summary>
internal sealed class FavoriteIds(FactTable table)
{
    private readonly int[] categories = new int[table.RowCount];
    private readonly int[] styles = new int[table.RowCount];
    private readonly int[] ordersSeen = NeverSeen(table.RowCount);
    private readonly Lock refreshing = new();
    private int[]? categoryTextIds;
    private int[]? styleTextIds;
    private long refreshedAt = long.MinValue;

    /// <summary>favorite_category as of the table's moment (−1 for a customer without one).</summary>
    public int[] Categories => Current(categories);

    /// <summary>favorite_style as of the table's moment.</summary>
    public int[] Styles => Current(styles);

    private int[] Current(int[] column)
    {
        if (Volatile.Read(ref refreshedAt) != table.Moment)
        {
            Refresh();
        }

        return column;
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

            // The history's names as pooled text ids, once: its vocabulary never changes.
            var h = table.History;
            categoryTextIds ??= [.. Enumerable.Range(0, h.Categories.Count).Select(id => FactTable.Texts.IdOf(h.Categories.NameOf(id)))];
            styleTextIds ??= [.. Enumerable.Range(0, h.Styles.Count).Select(id => FactTable.Texts.IdOf(h.Styles.NameOf(id)))];
            var orders = table.OrdersBefore;
            for (var row = 0; row < ordersSeen.Length; row++)
            {
                if (ordersSeen[row] != orders[row])
                {
                    var (category, style) = Favorites.Ids(table, row);
                    categories[row] = category < 0 ? -1 : categoryTextIds[category];
                    styles[row] = style < 0 ? -1 : styleTextIds[style];
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
