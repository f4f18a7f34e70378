using CampaignEngine.Orders;

namespace CampaignEngine.Facts.Tests.Facts;

/// <summary>
/// The dry-run's sweep steps (each midnight, then hour by hour) apply logistics events as deltas and merge
/// RFM changes; a table stepped to a moment must equal one computed there from scratch, in every column.
/// </summary>
public sealed class SweepStepExactnessTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Stepping_hour_by_hour_through_days_equals_computing_afresh(int seed)
    {
        var random = new Random(seed);
        const int customers = 30;
        // Few customers with many orders: parcels overlap, so the oldest open one is often signed while others stay open.
        var orders = RandomShop.Orders(random, customers, 900, 90);
        orders.AddRange(OddLogistics(random, customers, 150, 90));
        var history = RandomShop.Build(customers, orders);
        var moment = RandomShop.Start.AddDays(20).AddHours(random.Next(24));
        var table = FactTable.AsOf(history, moment);

        for (var step = 0; step < 400; step++)
        {
            // Mostly the sweep's hour; sometimes a jump of hours or days, or exactly to a midnight.
            moment = random.Next(10) switch
            {
                0 => moment.Date.AddDays(1),
                1 => moment.AddHours(random.Next(2, 60)),
                2 => moment.AddSeconds(random.Next(1, 600)),
                _ => moment.AddHours(1),
            };
            table.AdvanceTo(DateOnly.FromDateTime(moment), (int)moment.TimeOfDay.TotalSeconds);

            AssertSameFacts(FactTable.AsOf(history, moment), table, customers, moment);
        }
    }

    [Fact]
    public void Signing_the_oldest_of_several_open_parcels_moves_the_oldest_to_the_next()
    {
        var day = new DateTime(2023, 3, 1);
        var builder = new OrderHistoryBuilder();
        builder.Customer("c0", new CustomerDetails());
        Order(builder, "a", day, day.AddDays(1), day.AddDays(6));
        Order(builder, "b", day.AddDays(1), day.AddDays(2), day.AddDays(8));
        Order(builder, "c", day.AddDays(1).AddHours(1), day.AddDays(3), signed: null);
        var history = builder.Build();
        var table = FactTable.AsOf(history, day.AddDays(5));
        Assert.Equal((3, DayOf(day.AddDays(1))), (table.OpenParcels[0], table.OldestOpenShippedDay[0]));

        var moment = day.AddDays(5);
        for (var hour = 1; hour <= 24 * 5; hour++)
        {
            moment = moment.AddHours(1);
            table.AdvanceTo(DateOnly.FromDateTime(moment), (int)moment.TimeOfDay.TotalSeconds);
            AssertSameFacts(FactTable.AsOf(history, moment), table, 1, moment);
        }

        // a signed on day 6, b on day 8: only c is open.
        Assert.Equal((1, DayOf(day.AddDays(3))), (table.OpenParcels[0], table.OldestOpenShippedDay[0]));
    }

    private static int DayOf(DateTime moment) => DateOnly.FromDateTime(moment).DayNumber;

    private static void Order(OrderHistoryBuilder builder, string id, DateTime paid, DateTime shipped, DateTime? signed)
        => builder.Order(id, "c0", paid, 10m, OrderStatus.Signed, shipped, shipped.AddHours(12), signed, [new OrderLine("外套", "韩版", 1, 10m)]);

    /// <summary>Orders whose logistics times come in any order or are missing: signed without shipped, shipped before paid.</summary>
    private static IEnumerable<RandomOrder> OddLogistics(Random random, int customers, int count, int days)
    {
        for (var i = 0; i < count; i++)
        {
            var paid = RandomShop.Start.AddSeconds(random.NextInt64(days * 86400L));
            DateTime? Around() => random.Next(4) == 0 ? null : paid.AddHours(random.Next(-48, 200));
            yield return new RandomOrder($"x{i}", $"c{random.Next(customers)}", paid, random.Next(1, 100_000) / 100m, (OrderStatus)random.Next(4),
                Around(), Around(), Around(), [new OrderLine("外套", "韩版", 1, 10m)]);
        }
    }

    private static void AssertSameFacts(FactTable fresh, FactTable stepped, int customers, DateTime moment)
    {
        Assert.Equal((fresh.Day, fresh.Second), (stepped.Day, stepped.Second));
        Column(fresh.Frequency, stepped.Frequency, nameof(fresh.Frequency));
        Column(fresh.MonetaryFen, stepped.MonetaryFen, nameof(fresh.MonetaryFen));
        Column(fresh.FirstOrderDay, stepped.FirstOrderDay, nameof(fresh.FirstOrderDay));
        Column(fresh.LastOrderDay, stepped.LastOrderDay, nameof(fresh.LastOrderDay));
        Column(fresh.Cycle, stepped.Cycle, nameof(fresh.Cycle));
        Column(fresh.CycleStddev, stepped.CycleStddev, nameof(fresh.CycleStddev));
        Column(fresh.RefundCount, stepped.RefundCount, nameof(fresh.RefundCount));
        Column(fresh.OrdersBefore, stepped.OrdersBefore, nameof(fresh.OrdersBefore));
        Column(fresh.LastOrder, stepped.LastOrder, nameof(fresh.LastOrder));
        Column(fresh.LastShippedDay, stepped.LastShippedDay, nameof(fresh.LastShippedDay));
        Column(fresh.LastArrivedDay, stepped.LastArrivedDay, nameof(fresh.LastArrivedDay));
        Column(fresh.LastSignedDay, stepped.LastSignedDay, nameof(fresh.LastSignedDay));
        Column(fresh.OpenParcels, stepped.OpenParcels, nameof(fresh.OpenParcels));
        Column(fresh.OldestOpenShippedDay, stepped.OldestOpenShippedDay, nameof(fresh.OldestOpenShippedDay));
        Column(fresh.RfmR, stepped.RfmR, nameof(fresh.RfmR));
        Column(fresh.RfmF, stepped.RfmF, nameof(fresh.RfmF));
        Column(fresh.RfmM, stepped.RfmM, nameof(fresh.RfmM));
        Column(fresh.Segment, stepped.Segment, nameof(fresh.Segment));
        for (var row = 0; row < customers; row++)
        {
            Assert.True(SchemaProbe.Row(fresh, row).SequenceEqual(SchemaProbe.Row(stepped, row)), $"schema facts of row {row} at {moment:O}");
        }

        void Column<T>(T[] expected, T[] actual, string name)
            => Assert.True(expected.AsSpan().SequenceEqual(actual), $"{name} at {moment:O}");
    }
}
