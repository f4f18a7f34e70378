using CampaignEngine.Facts.Tests.Facts;
using CampaignEngine.Orders;

namespace CampaignEngine.Facts.Tests.Orders;

/// <summary>
/// The event index finds, for a window (after, upTo] of shop-local moments, exactly the orders a scan of
/// every order finds, sorted by (moment, order index) — windows crossing midnight, empty and inverted ones,
/// and ends that sit exactly on an event included.
/// </summary>
public sealed class OrderEventIndexTests
{
    [Theory]
    [InlineData("Paid")]
    [InlineData("Shipped")]
    [InlineData("Arrived")]
    [InlineData("Signed")]
    public void Windows_over_a_generated_shop_find_what_a_scan_finds(string eventKind)
    {
        var kind = Enum.Parse<OrderEventKind>(eventKind);
        AssertIndexMatchesScan(GeneratedShop.History, kind, new Random(31 + (int)kind));
    }

    [Theory]
    [InlineData("Paid")]
    [InlineData("Shipped")]
    [InlineData("Arrived")]
    [InlineData("Signed")]
    public void Orders_at_the_same_moment_come_in_order_index_order(string eventKind)
    {
        var kind = Enum.Parse<OrderEventKind>(eventKind);
        // Every time on the hour, over a few days: many orders share a moment.
        var random = new Random(5);
        var orders = Enumerable.Range(0, 1_500)
            .Select(i => RandomShop.Order(random, $"o{i}", $"c{random.Next(30)}", RandomShop.Start.AddHours(random.Next(2 * 24))));
        var history = RandomShop.Build(30, orders);

        var (days, _) = Times(history, kind);
        var moments = Moments(history, kind);
        Assert.True(moments.Where((m, o) => days[o] != OrderHistory.NoDay).GroupBy(m => m).Any(g => g.Count() > 2), "the history must have ties");
        AssertIndexMatchesScan(history, kind, random);
    }

    [Theory]
    [InlineData("Paid")]
    [InlineData("Shipped")]
    [InlineData("Arrived")]
    [InlineData("Signed")]
    public void The_whole_timeline_holds_every_order_with_the_event_once(string eventKind)
    {
        var kind = Enum.Parse<OrderEventKind>(eventKind);
        var history = GeneratedShop.History;
        var (days, _) = Times(history, kind);

        var all = history.EventsOf(kind).OrdersIn(long.MinValue / 2, long.MaxValue / 2).ToArray();

        Assert.Equal(Enumerable.Range(0, history.OrderCount).Where(o => days[o] != OrderHistory.NoDay).Order(), all.Order());
        Assert.NotEmpty(all);
    }

    private static void AssertIndexMatchesScan(OrderHistory history, OrderEventKind kind, Random random)
    {
        var (days, _) = Times(history, kind);
        var moments = Moments(history, kind);
        var withEvent = Enumerable.Range(0, history.OrderCount).Where(o => days[o] != OrderHistory.NoDay).ToArray();
        Assert.NotEmpty(withEvent);
        long first = withEvent.Min(o => moments[o]), last = withEvent.Max(o => moments[o]);
        var index = history.EventsOf(kind);
        var nonEmpty = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var (after, upTo) = Window(random, first, last, withEvent, moments);
            var expected = withEvent.Where(o => moments[o] > after && moments[o] <= upTo).OrderBy(o => moments[o]).ThenBy(o => o).ToArray();
            Assert.Equal(expected, index.OrdersIn(after, upTo).ToArray());
            nonEmpty += expected.Length > 0 ? 1 : 0;
        }

        Assert.True(nonEmpty > 500, $"only {nonEmpty} windows held an event");
    }

    private static (long After, long UpTo) Window(Random random, long first, long last, int[] withEvent, long[] moments)
    {
        long Around() => random.Next(3) switch
        {
            // Exactly on an event, or a second either side.
            0 => moments[withEvent[random.Next(withEvent.Length)]] + random.Next(-1, 2),
            // Around a midnight, so the window crosses it.
            1 => (((first + random.NextInt64(last - first + 1)) / 86400) * 86400) + random.Next(-7200, 7200),
            _ => first - 86400 + random.NextInt64(last - first + (2 * 86400)),
        };

        var after = Around();
        return random.Next(6) switch
        {
            0 => (after, after), // empty
            1 => (after, after - random.Next(1, 86400)), // inverted: nothing
            2 => (after, Around()), // anywhere, either way round
            3 => (after, after + 3600), // the hourly event sweep
            _ => (after, after + random.Next(1, 3 * 86400)),
        };
    }

    private static (int[] Days, int[] Seconds) Times(OrderHistory h, OrderEventKind kind) => kind switch
    {
        OrderEventKind.Paid => (h.PaidDay, h.PaidSecond),
        OrderEventKind.Shipped => (h.ShippedDay, h.ShippedSecond),
        OrderEventKind.Arrived => (h.ArrivedDay, h.ArrivedSecond),
        _ => (h.SignedDay, h.SignedSecond),
    };

    private static long[] Moments(OrderHistory h, OrderEventKind kind)
    {
        var (days, seconds) = Times(h, kind);
        return [.. days.Select((day, o) => day == OrderHistory.NoDay ? long.MinValue : (day * 86400L) + seconds[o])];
    }
}
