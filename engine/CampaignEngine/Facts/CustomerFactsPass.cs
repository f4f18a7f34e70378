using CampaignEngine.Orders;

namespace CampaignEngine.Facts;

/// <summary>
/// Computes one customer's order facts from its slice of the history — one pass over its orders paid
/// before the moment. One instance per thread: it owns the scratch counters for favourite category/style.
/// </summary>
internal sealed class CustomerFactsPass
{
    private const int NoDay = FactTable.NoDay;
    private readonly FactTable _t;
    private readonly OrderHistory _h;
    private readonly int[] _categoryCount;
    private readonly int[] _categoryLast;
    private readonly int[] _styleCount;
    private readonly int[] _styleLast;
    private readonly List<int> _touchedCategories = [];
    private readonly List<int> _touchedStyles = [];

    public CustomerFactsPass(FactTable table)
    {
        _t = table;
        _h = table.History;
        _categoryCount = new int[_h.Categories.Count];
        _categoryLast = new int[_h.Categories.Count];
        _styleCount = new int[_h.Styles.Count];
        _styleLast = new int[_h.Styles.Count];
    }

    public void Compute(int row)
    {
        var h = _h;
        var t = _t;
        var start = h.CustomerOrderStarts[row];
        var end = h.CustomerOrderStarts[row + 1];
        int tDay = t.Day, tSecond = t.Second;

        int frequency = 0, refunds = 0, distinctDays = 0, lastOrder = -1, openParcels = 0;
        long monetary = 0, gapSum = 0, gapSquares = 0;
        int first = NoDay, last = NoDay, lastShipped = NoDay, lastArrived = NoDay, lastSigned = NoDay, oldestOpen = NoDay;
        var o = start;
        var lineOrdinal = 0;
        for (; o < end; o++)
        {
            var paidDay = h.PaidDay[o];
            if (paidDay > tDay || (paidDay == tDay && h.PaidSecond[o] >= tSecond))
            {
                break; // sorted by paid time: everything after is at or after the moment
            }

            if (h.Status[o] == OrderStatus.Refunded)
            {
                refunds++;
                continue;
            }

            frequency++;
            monetary += h.AmountFen[o];
            if (paidDay != last)
            {
                if (last != NoDay)
                {
                    long gap = paidDay - last;
                    gapSum += gap;
                    gapSquares += gap * gap;
                }
                else
                {
                    first = paidDay;
                }

                distinctDays++;
                last = paidDay;
            }

            lastOrder = o;
            var shipped = h.ShippedDay[o];
            var shippedBefore = Before(shipped, h.ShippedSecond[o], tDay, tSecond);
            if (shippedBefore)
            {
                lastShipped = Math.Max(lastShipped, shipped);
            }

            if (Before(h.ArrivedDay[o], h.ArrivedSecond[o], tDay, tSecond))
            {
                lastArrived = Math.Max(lastArrived, h.ArrivedDay[o]);
            }

            if (Before(h.SignedDay[o], h.SignedSecond[o], tDay, tSecond))
            {
                lastSigned = Math.Max(lastSigned, h.SignedDay[o]);
            }
            else if (shippedBefore)
            {
                openParcels++;
                oldestOpen = oldestOpen == NoDay ? shipped : Math.Min(oldestOpen, shipped);
            }

            for (var l = h.OrderLineStarts[o]; l < h.OrderLineStarts[o + 1]; l++)
            {
                lineOrdinal++;
                var weight = Math.Max(1, h.LineQuantity[l]);
                Count(h.LineCategory[l], weight, lineOrdinal, _categoryCount, _categoryLast, _touchedCategories);
                Count(h.LineStyle[l], weight, lineOrdinal, _styleCount, _styleLast, _touchedStyles);
            }
        }

        t.OrdersBefore[row] = o - start;
        t.Frequency[row] = frequency;
        t.MonetaryFen[row] = monetary;
        t.RefundCount[row] = refunds;
        t.FirstOrderDay[row] = first;
        t.LastOrderDay[row] = last;
        t.LastOrder[row] = lastOrder;
        t.LastShippedDay[row] = lastShipped;
        t.LastArrivedDay[row] = lastArrived;
        t.LastSignedDay[row] = lastSigned;
        t.OpenParcels[row] = openParcels;
        t.OldestOpenShippedDay[row] = oldestOpen;

        // 购买周期 needs two distinct order days: one order says nothing about a rhythm.
        var gaps = distinctDays - 1;
        if (gaps >= 1)
        {
            var mean = (double)gapSum / gaps;
            t.Cycle[row] = mean;
            t.CycleStddev[row] = Math.Sqrt(Math.Max(0, (double)gapSquares / gaps - mean * mean));
        }
        else
        {
            t.Cycle[row] = double.NaN;
            t.CycleStddev[row] = double.NaN;
        }

        t.FavoriteCategory[row] = Favorite(_categoryCount, _categoryLast, _touchedCategories);
        t.FavoriteStyle[row] = Favorite(_styleCount, _styleLast, _touchedStyles);
    }

    private static bool Before(int day, int second, int tDay, int tSecond)
        => day != NoDay && (day < tDay || (day == tDay && second < tSecond));

    private static void Count(int id, int weight, int ordinal, int[] count, int[] last, List<int> touched)
    {
        if (id < 0)
        {
            return;
        }

        if (count[id] == 0)
        {
            touched.Add(id);
        }

        count[id] += weight;
        last[id] = ordinal;
    }

    /// <summary>Most items bought; a tie goes to the one bought most recently (taste drifts).</summary>
    private static int Favorite(int[] count, int[] last, List<int> touched)
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
