using CampaignEngine.Orders;
using CampaignEngine.Simulation.Tests.Reports;

namespace CampaignEngine.Simulation.Tests.Simulation;

public sealed class PurchasesAfterTests
{
    private static readonly OrderHistory History = new OrderHistoryBuilder()
        .Customer("alice")
        .Customer("bob")
        .Order("o1", "alice", new DateTime(2026, 3, 1, 9, 0, 0), 100m)          // before the send
        .Order("o2", "alice", new DateTime(2026, 3, 1, 10, 0, 0), 200m)         // at the send's second: not after it
        .Order("o3", "alice", new DateTime(2026, 3, 3, 12, 0, 0), 30m, OrderStatus.Refunded)
        .Order("o4", "alice", new DateTime(2026, 3, 8, 9, 59, 59), 45.5m)       // last second of the 7-day window
        .Order("o5", "alice", new DateTime(2026, 3, 8, 10, 0, 1), 999m)         // just after it
        .Order("o6", "bob", new DateTime(2026, 2, 1, 9, 0, 0), 10m)
        .Build();

    [Fact]
    public void Only_paid_orders_within_the_window_after_the_send_count()
    {
        var outcomes = new PurchasesAfter(History, SampleDecisions.Shanghai, 7);

        Assert.Equal(new(true, 4_550), outcomes.Of(History.FindCustomer("alice"), SampleDecisions.At(1, 10)));
        Assert.Equal(default, outcomes.Of(History.FindCustomer("bob"), SampleDecisions.At(1, 10)));
        Assert.Equal(default, outcomes.Of(History.FindCustomer("nobody"), SampleDecisions.At(1, 10)));
    }

    [Fact]
    public void The_send_moment_is_read_on_the_shop_clock()
    {
        // 02:00 UTC is 10:00 in Shanghai: the same moment as above.
        var outcomes = new PurchasesAfter(History, SampleDecisions.Shanghai, 7);

        Assert.Equal(new(true, 4_550), outcomes.Of(History.FindCustomer("alice"), new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_longer_window_reaches_later_orders()
    {
        var outcomes = new PurchasesAfter(History, SampleDecisions.Shanghai, 14);

        Assert.Equal(new(true, 104_450), outcomes.Of(History.FindCustomer("alice"), SampleDecisions.At(1, 10)));
    }

    [Fact]
    public void Without_dates_the_period_is_the_last_365_days_of_the_data()
    {
        var period = DryRunPeriod.Default(History, null, null);

        Assert.Equal(new DryRunPeriod(new DateOnly(2025, 3, 9), new DateOnly(2026, 3, 8)), period);
        Assert.Equal(365, period.Days);
        Assert.Equal(new DateOnly(2026, 1, 1), DryRunPeriod.Default(History, new DateOnly(2026, 1, 1), null).From);
    }
}
