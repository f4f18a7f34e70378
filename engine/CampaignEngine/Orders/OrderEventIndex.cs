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

    /// <summary>
    /// A counting sort by day (a thousand or so buckets: the scatter stays in cache), then each day's orders —
    /// in order-index order — by second with a stable two-pass radix sort on a small buffer. Linear, and ties
    /// keep order-index order.
    /// </summary>
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

        var starts = new int[last - first + 2];
        foreach (var day in days)
        {
            if (day != OrderHistory.NoDay)
            {
                starts[day - first + 1]++;
            }
        }

        for (var d = 1; d < starts.Length; d++)
        {
            starts[d] += starts[d - 1];
        }

        var orders = new int[count];
        var next = (int[])starts.Clone();
        for (var o = 0; o < days.Length; o++)
        {
            if (days[o] != OrderHistory.NoDay)
            {
                orders[next[days[o] - first]++] = o;
            }
        }

        var buffer = new int[64];
        Span<int> buckets = stackalloc int[513];
        for (var d = 0; d < starts.Length - 1; d++)
        {
            var day = orders.AsSpan(starts[d], starts[d + 1] - starts[d]);
            if (day.Length > buffer.Length)
            {
                buffer = new int[Math.Max(day.Length, buffer.Length * 2)];
            }

            // Seconds of day fit in 17 bits: low 9 bits, then high 8.
            RadixPass(day, buffer.AsSpan(0, day.Length), seconds, 0, 0x1FF, buckets);
            RadixPass(buffer.AsSpan(0, day.Length), day, seconds, 9, 0xFF, buckets);
        }

        return new OrderEventIndex(days, seconds, orders);
    }

    private static void RadixPass(ReadOnlySpan<int> from, Span<int> into, int[] seconds, int shift, int mask, Span<int> buckets)
    {
        buckets.Clear();
        foreach (var o in from)
        {
            buckets[((seconds[o] >> shift) & mask) + 1]++;
        }

        for (var b = 1; b < buckets.Length; b++)
        {
            buckets[b] += buckets[b - 1];
        }

        foreach (var o in from)
        {
            into[buckets[(seconds[o] >> shift) & mask]++] = o;
        }
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
