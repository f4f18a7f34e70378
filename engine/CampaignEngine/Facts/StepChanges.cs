using CampaignEngine.Orders;

namespace CampaignEngine.Facts;

/// <summary>
/// What moving a fact table from its moment to a later one changes, found from the events in between.
/// A shipped, arrived or signed event of an order already counted only moves that order's logistics
/// facts, so it is applied in place — a max, a count ±1, a min — without reading the customer's other
/// orders: an hourly sweep has several times more logistics events than payments, and a full recompute
/// reads a dozen order columns per order of the customer. A customer with a paid event folds in just its
/// newly paid orders (<see cref="CustomerFactsPass.Continue"/>, from its distinct order days and squared
/// gaps kept here), or is recomputed from its whole slice the first time. The one case a delta cannot
/// settle (the oldest open parcel is signed while others stay open) falls back to a recompute. Reused
/// across steps.
/// </summary>
internal sealed class StepChanges(int rowCount)
{
    private const int NoDay = FactTable.NoDay;
    private readonly int[] _stamp = new int[rowCount];
    private readonly int[] _full = new int[rowCount];
    private readonly bool[] _known = new bool[rowCount];
    private readonly int[] _distinctDays = new int[rowCount];
    private readonly long[] _gapSquares = new long[rowCount];
    private int _current;
    private int[] _rows = new int[256];
    private OrderEventIndex[]? _events;

    /// <summary>Rows to recompute in full: the first <see cref="PaidCount"/> have a paid event (their RFM inputs change).</summary>
    public ReadOnlySpan<int> Recomputed => _rows.AsSpan(0, Count);

    public ReadOnlySpan<int> Paid => _rows.AsSpan(0, PaidCount);

    public int Count { get; private set; }

    public int PaidCount { get; private set; }

    /// <summary>
    /// Collects the rows with a paid event in [the table's moment, <paramref name="moment"/>) and applies every
    /// logistics event of the others to the table's columns. The table still holds its old moment.
    /// </summary>
    public void Collect(FactTable t, long moment)
    {
        Count = 0;
        if (++_current == int.MaxValue)
        {
            Array.Clear(_stamp);
            Array.Clear(_full);
            _current = 1;
        }

        var h = t.History;
        // Fetched once: EventsOf takes a lock, and a year's sweep asks 35,000 times.
        _events ??= [h.EventsOf(OrderEventKind.Paid), h.EventsOf(OrderEventKind.Shipped), h.EventsOf(OrderEventKind.Arrived), h.EventsOf(OrderEventKind.Signed)];
        var after = t.Moment - 1;
        var upTo = moment - 1;
        foreach (var order in _events[(int)OrderEventKind.Paid].OrdersIn(after, upTo))
        {
            Mark(h.OrderCustomer[order]);
        }

        PaidCount = Count;
        int oldDay = t.Day, oldSecond = t.Second;
        foreach (var order in _events[(int)OrderEventKind.Shipped].OrdersIn(after, upTo))
        {
            // Also for customers who paid in the window: Continue starts from their older orders' state.
            var row = h.OrderCustomer[order];
            if (!Counted(h, order, oldDay, oldSecond))
            {
                continue;
            }

            var day = h.ShippedDay[order];
            t.LastShippedDay[row] = Math.Max(t.LastShippedDay[row], day);
            if (!Before(h.SignedDay[order], h.SignedSecond[order], moment))
            {
                // Was not shipped at the old moment, is open now.
                t.OpenParcels[row]++;
                var oldest = t.OldestOpenShippedDay[row];
                t.OldestOpenShippedDay[row] = oldest == NoDay ? day : Math.Min(oldest, day);
            }
        }

        foreach (var order in _events[(int)OrderEventKind.Arrived].OrdersIn(after, upTo))
        {
            var row = h.OrderCustomer[order];
            if (Counted(h, order, oldDay, oldSecond))
            {
                t.LastArrivedDay[row] = Math.Max(t.LastArrivedDay[row], h.ArrivedDay[order]);
            }
        }

        foreach (var order in _events[(int)OrderEventKind.Signed].OrdersIn(after, upTo))
        {
            var row = h.OrderCustomer[order];
            if (!Counted(h, order, oldDay, oldSecond))
            {
                continue;
            }

            t.LastSignedDay[row] = Math.Max(t.LastSignedDay[row], h.SignedDay[order]);
            var shipped = h.ShippedDay[order];
            if (Before(shipped, h.ShippedSecond[order], (oldDay * 86400L) + oldSecond))
            {
                // Open at the old moment, closed now. Shipped in the window too: never open, nothing to undo.
                if (--t.OpenParcels[row] == 0)
                {
                    t.OldestOpenShippedDay[row] = NoDay;
                }
                else if (shipped == t.OldestOpenShippedDay[row])
                {
                    _full[row] = _current; // the next oldest is among the others: read them all
                    Mark(row);
                }
            }
        }
    }

    /// <summary>Brings the <paramref name="index"/>-th row of <see cref="Recomputed"/> to the table's (new) moment.</summary>
    public void Recompute(CustomerFactsPass pass, int index)
    {
        var row = _rows[index];
        if (_known[row] && _full[row] != _current)
        {
            pass.Continue(row, _distinctDays[row], _gapSquares[row]);
        }
        else
        {
            pass.Compute(row);
            _known[row] = true;
        }

        _distinctDays[row] = pass.DistinctDays;
        _gapSquares[row] = pass.GapSquares;
    }

    private void Mark(int row)
    {
        if (_stamp[row] == _current)
        {
            return;
        }

        _stamp[row] = _current;
        if (Count == _rows.Length)
        {
            Array.Resize(ref _rows, Count * 2);
        }

        _rows[Count++] = row;
    }

    /// <summary>The order counts in the table's facts at the old moment: paid before it (as <see cref="CustomerFactsPass"/> decides) and not refunded.</summary>
    private static bool Counted(OrderHistory h, int order, int day, int second)
    {
        var paidDay = h.PaidDay[order];
        return !(paidDay > day || (paidDay == day && h.PaidSecond[order] >= second)) && h.Status[order] != OrderStatus.Refunded;
    }

    private static bool Before(int day, int second, long moment) => day != NoDay && (day * 86400L) + second < moment;
}
