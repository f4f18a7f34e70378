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

    /// <summary>Distinct order days of the last customer computed (the cycle's gaps + 1), for <see cref="Continue"/>.</summary>
    public int DistinctDays { get; private set; }

    /// <summary>Sum of squared gaps between those days, for <see cref="Continue"/>.</summary>
    public long GapSquares { get; private set; }

    public void Compute(int row)
    {
        var fold = new Fold { First = NoDay, Last = NoDay, LastOrder = -1, LastShipped = NoDay, LastArrived = NoDay, LastSigned = NoDay, OldestOpen = NoDay };
        Run(row, _h.CustomerOrderStarts[row], ref fold);
    }

    /// <summary>
    /// Brings a row computed at an earlier moment up to the table's moment when only orders were paid in
    /// between (their logistics events on older orders already applied): folds in just the newly paid orders
    /// of the slice. Gives what <see cref="Compute"/> gives, given that row's <see cref="DistinctDays"/> and
    /// <see cref="GapSquares"/> — the gap sum telescopes to last − first.
    /// </summary>
    public void Continue(int row, int distinctDays, long gapSquares)
    {
        var t = _t;
        var fold = new Fold
        {
            Frequency = t.Frequency[row], Refunds = t.RefundCount[row], DistinctDays = distinctDays, LastOrder = t.LastOrder[row],
            OpenParcels = t.OpenParcels[row], Monetary = t.MonetaryFen[row], GapSquares = gapSquares,
            First = t.FirstOrderDay[row], Last = t.LastOrderDay[row], LastShipped = t.LastShippedDay[row], LastArrived = t.LastArrivedDay[row],
            LastSigned = t.LastSignedDay[row], OldestOpen = t.OldestOpenShippedDay[row],
        };
        fold.GapSum = fold.Last == NoDay ? 0 : (long)fold.Last - fold.First;
        Run(row, _h.CustomerOrderStarts[row] + t.OrdersBefore[row], ref fold);
    }

    /// <summary>The running values of one customer's pass.</summary>
    private struct Fold
    {
        public int Frequency, Refunds, DistinctDays, LastOrder, OpenParcels;
        public long Monetary, GapSum, GapSquares;
        public int First, Last, LastShipped, LastArrived, LastSigned, OldestOpen;
    }

    private void Run(int row, int from, ref Fold f)
    {
        var h = _h;
        var t = _t;
        var start = h.CustomerOrderStarts[row];
        var end = h.CustomerOrderStarts[row + 1];
        int tDay = t.Day, tSecond = t.Second;
        var o = from;
        for (; o < end; o++)
        {
            var paidDay = h.PaidDay[o];
            if (paidDay > tDay || (paidDay == tDay && h.PaidSecond[o] >= tSecond))
            {
                break; // sorted by paid time: everything after is at or after the moment
            }

            if (h.Status[o] == OrderStatus.Refunded)
            {
                f.Refunds++;
                continue;
            }

            f.Frequency++;
            f.Monetary += h.AmountFen[o];
            if (paidDay != f.Last)
            {
                if (f.Last != NoDay)
                {
                    long gap = paidDay - f.Last;
                    f.GapSum += gap;
                    f.GapSquares += gap * gap;
                }
                else
                {
                    f.First = paidDay;
                }

                f.DistinctDays++;
                f.Last = paidDay;
            }

            f.LastOrder = o;
            var shipped = h.ShippedDay[o];
            var shippedBefore = Before(shipped, h.ShippedSecond[o], tDay, tSecond);
            if (shippedBefore)
            {
                f.LastShipped = Math.Max(f.LastShipped, shipped);
            }

            if (Before(h.ArrivedDay[o], h.ArrivedSecond[o], tDay, tSecond))
            {
                f.LastArrived = Math.Max(f.LastArrived, h.ArrivedDay[o]);
            }

            if (Before(h.SignedDay[o], h.SignedSecond[o], tDay, tSecond))
            {
                f.LastSigned = Math.Max(f.LastSigned, h.SignedDay[o]);
            }
            else if (shippedBefore)
            {
                f.OpenParcels++;
                f.OldestOpen = f.OldestOpen == NoDay ? shipped : Math.Min(f.OldestOpen, shipped);
            }
        }

        t.OrdersBefore[row] = o - start;
        t.Frequency[row] = f.Frequency;
        t.MonetaryFen[row] = f.Monetary;
        t.RefundCount[row] = f.Refunds;
        t.FirstOrderDay[row] = f.First;
        t.LastOrderDay[row] = f.Last;
        t.LastOrder[row] = f.LastOrder;
        t.LastShippedDay[row] = f.LastShipped;
        t.LastArrivedDay[row] = f.LastArrived;
        t.LastSignedDay[row] = f.LastSigned;
        t.OpenParcels[row] = f.OpenParcels;
        t.OldestOpenShippedDay[row] = f.OldestOpen;
        DistinctDays = f.DistinctDays;
        GapSquares = f.GapSquares;

        // 购买周期 needs two distinct order days: one order says nothing about a rhythm.
        var gaps = f.DistinctDays - 1;
        if (gaps >= 1)
        {
            var mean = (double)f.GapSum / gaps;
            t.Cycle[row] = mean;
            t.CycleStddev[row] = Math.Sqrt(Math.Max(0, (double)f.GapSquares / gaps - mean * mean));
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
