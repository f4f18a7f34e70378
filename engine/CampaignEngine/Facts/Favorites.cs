using CampaignEngine.Orders;

namespace CampaignEngine.Facts;

/// <summary>
/// favorite_category / favorite_style: the category (style) with the most items over paid orders before
/// the moment, a tie going to the one bought most recently (taste drifts). Computed when read, not in
/// the fact pass: scanning every line of every customer would double the cost of all facts and of each
/// day step, while rules and templates read it for few customers.
/// </summary>
internal static class Favorites
{
    [ThreadStatic]
    private static int[]? t_count;

    [ThreadStatic]
    private static int[]? t_last;

    [ThreadStatic]
    private static List<int>? t_touched;

    public static string? Category(FactTable t, int row) => t.CategoryName(CategoryId(t, row));

    public static string? Style(FactTable t, int row) => t.StyleName(StyleId(t, row));

    /// <summary>The favourite category's id in the history's category names; −1 without one.</summary>
    public static int CategoryId(FactTable t, int row) => Of(t, row, t.History.LineCategory, t.History.Categories.Count);

    /// <summary>The favourite style's id in the history's style names; −1 without one.</summary>
    public static int StyleId(FactTable t, int row) => Of(t, row, t.History.LineStyle, t.History.Styles.Count);

    private static int Of(FactTable t, int row, int[] lineIds, int vocabulary)
    {
        if (t_count is null || t_count.Length < vocabulary)
        {
            t_count = new int[Math.Max(16, vocabulary)];
            t_last = new int[t_count.Length];
        }

        var count = t_count;
        var last = t_last!;
        var touched = t_touched ??= [];
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
                var id = lineIds[l];
                if (id < 0)
                {
                    continue;
                }

                if (count[id] == 0)
                {
                    touched.Add(id);
                }

                count[id] += Math.Max(1, h.LineQuantity[l]);
                last[id] = ordinal;
            }
        }

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
