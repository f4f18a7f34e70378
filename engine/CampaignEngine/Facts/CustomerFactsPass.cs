using CampaignEngine.Orders;

namespace CampaignEngine.Facts;

/// <summary>
/// Computes one customer's order facts from its slice of the history — one pass over its orders paid
/// before the moment. One instance per thread (kept a class so per-thread scratch can live here).
/// </summary>
internal sealed class CustomerFactsPass
{
    private const int NoDay = FactTable.NoDay;
    private readonly FactTable _t;
    private readonly OrderHistory _h;

    public CustomerFactsPass(FactTable table)
    {
        _t = table;
        _h = table.History;
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
    }

    private static bool Before(int day, int second, int tDay, int tSecond)
        => day != NoDay && (day < tDay || (day == tDay && second < tSecond));
}
