namespace CampaignEngine.Orders;

/// <summary>The moments of an order's life that campaigns answer and facts change at.</summary>
internal enum OrderEventKind
{
    Paid,
    Shipped,
    Arrived,
    Signed,
}

/// <summary>
/// The orders that have one kind of event, sorted by its shop-local moment (then by order), so that a
/// window of an hour finds its events by two binary searches. A year's replay asks for thousands of such
/// windows (an event sweep every hour, for every event campaign and for the facts); scanning the day's
/// customers and their orders each time was most of a dry-run's time. 4 bytes per order with the event.
/// </summary>
internal sealed class OrderEventIndex
{
    private readonly int[] _days;
    private readonly int[] _seconds;
    private readonly int[] _orders;

    private OrderEventIndex(int[] days, int[] seconds, int[] orders)
    {
        _days = days;
        _seconds = seconds;
        _orders = orders;
    }

    /// <summary>Two stable counting sorts (by second of day, then by day): linear, and ties stay in order-index order.</summary>
    public static OrderEventIndex Build(int[] days, int[] seconds)
    {
        int first = int.MaxValue, last = int.MinValue, count = 0;
        foreach (var day in days)
        {
            if (day != OrderHistory.NoDay)
            {
                first = Math.Min(first, day);
                last = Math.Max(last, day);
                count++;
            }
        }

        if (count == 0)
        {
            return new OrderEventIndex(days, seconds, []);
        }

        var bySecond = new int[count];
        var starts = new int[86_400 + 1];
        for (var o = 0; o < days.Length; o++)
        {
            if (days[o] != OrderHistory.NoDay)
            {
                starts[seconds[o] + 1]++;
            }
        }

        for (var i = 1; i < starts.Length; i++)
        {
            starts[i] += starts[i - 1];
        }

        for (var o = 0; o < days.Length; o++)
        {
            if (days[o] != OrderHistory.NoDay)
            {
                bySecond[starts[seconds[o]]++] = o;
            }
        }

        var orders = new int[count];
        starts = new int[last - first + 2];
        foreach (var o in bySecond)
        {
            starts[days[o] - first + 1]++;
        }

        for (var i = 1; i < starts.Length; i++)
        {
            starts[i] += starts[i - 1];
        }

        foreach (var o in bySecond)
        {
            orders[starts[days[o] - first]++] = o;
        }

        return new OrderEventIndex(days, seconds, orders);
    }

    /// <summary>The orders whose event moment (day × 86400 + second) is in (<paramref name="after"/>, <paramref name="upTo"/>], in time order.</summary>
    public ReadOnlySpan<int> OrdersIn(long after, long upTo)
    {
        var start = FirstAfter(after);
        var end = FirstAfter(upTo);
        return _orders.AsSpan(start, Math.Max(0, end - start));
    }

    private int FirstAfter(long moment)
    {
        int lo = 0, hi = _orders.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var o = _orders[mid];
            if ((_days[o] * 86400L) + _seconds[o] <= moment) lo = mid + 1; else hi = mid;
        }

        return lo;
    }
}
