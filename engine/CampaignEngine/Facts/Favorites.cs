using CampaignEngine.Orders;

namespace CampaignEngine.Facts;

/// <summary>
/// favorite_category / favorite_style: the category (style) with the most items over paid orders before
/// the moment, a tie going to the one bought most recently (taste drifts). Computed when read, not in
/// the fact pass: scanning every line of every customer would double the cost of all facts and of each
/// day step, while rules and templates read it for few customers (rules through <see cref="FavoriteIds"/>).
/// </summary>
internal static class Favorites
{
    [ThreadStatic]
    private static Tally? t_categories;

    [ThreadStatic]
    private static Tally? t_styles;

    public static string? Category(FactTable t, int row) => t.CategoryName(CategoryId(t, row));

    public static string? Style(FactTable t, int row) => t.StyleName(StyleId(t, row));

    /// <summary>The favourite category's id in the history's category names; −1 without one.</summary>
    public static int CategoryId(FactTable t, int row)
    {
        var categories = Tally.For(ref t_categories, t.History.Categories.Count);
        Scan(t, row, categories, null);
        return categories.Best();
    }

    /// <summary>The favourite style's id in the history's style names; −1 without one.</summary>
    public static int StyleId(FactTable t, int row)
    {
        var styles = Tally.For(ref t_styles, t.History.Styles.Count);
        Scan(t, row, null, styles);
        return styles.Best();
    }

    /// <summary>Both favourites from one scan of the customer's lines (their reads from memory dominate the cost).</summary>
    public static (int Category, int Style) Ids(FactTable t, int row)
    {
        var categories = Tally.For(ref t_categories, t.History.Categories.Count);
        var styles = Tally.For(ref t_styles, t.History.Styles.Count);
        Scan(t, row, categories, styles);
        return (categories.Best(), styles.Best());
    }

    private static void Scan(FactTable t, int row, Tally? categories, Tally? styles)
    {
        var h = t.History;
        var start = h.CustomerOrderStarts[row];
        var ordinal = 0;
        for (var o = start; o < start + t.OrdersBefore[row]; o++)
        {
            if (h.Status[o] == OrderStatus.Refunded)
            {
                continue;
            }

            for (var l = h.OrderLineStarts[o]; l < h.OrderLineStarts[o + 1]; l++)
            {
                ordinal++;
                var quantity = Math.Max(1, h.LineQuantity[l]);
                categories?.Add(h.LineCategory[l], quantity, ordinal);
                styles?.Add(h.LineStyle[l], quantity, ordinal);
            }
        }
    }

    /// <summary>Items per id and the ordinal of the latest line with it, for one customer at a time (reset by <see cref="Best"/>).</summary>
    private sealed class Tally
    {
        private int[] count = new int[16];
        private int[] last = new int[16];
        private readonly List<int> touched = [];

        public static Tally For(ref Tally? tally, int vocabulary)
        {
            tally ??= new Tally();
            if (tally.count.Length < vocabulary)
            {
                tally.count = new int[vocabulary];
                tally.last = new int[vocabulary];
            }

            return tally;
        }

        public void Add(int id, int quantity, int ordinal)
        {
            if (id < 0)
            {
                return;
            }

            if (count[id] == 0)
            {
                touched.Add(id);
            }

            count[id] += quantity;
            last[id] = ordinal;
        }

        /// <summary>The id with the most items, the latest bought on a tie; −1 when none. Clears the tally.</summary>
        public int Best()
        {
            var best = -1;
            foreach (var id in touched)
            {
                if (best < 0 || count[id] > count[best] || (count[id] == count[best] && last[id] > last[best]))
                {
                    best = id;
                }
            }

            foreach (var id in touched)
            {
                count[id] = 0;
            }

            touched.Clear();
            return best;
        }
    }
}
