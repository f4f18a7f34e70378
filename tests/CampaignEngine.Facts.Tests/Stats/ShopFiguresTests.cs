using CampaignEngine.Orders;
using CampaignEngine.Stats;

namespace CampaignEngine.Facts.Tests.Stats;

public sealed class ShopFiguresTests
{
    /// <summary>alice 100/50/30, dave 20/40, bob 60 plus a refund, carol nothing; as of 2024-02-10.</summary>
    internal static OrderHistory Shop() => new OrderHistoryBuilder()
        .Customer("carol")
        .Order("a1", "alice", new DateTime(2024, 1, 1), 100m)
        .Order("a2", "alice", new DateTime(2024, 1, 11), 50m)
        .Order("a3", "alice", new DateTime(2024, 1, 31), 30m)
        .Order("b1", "bob", new DateTime(2024, 2, 1), 60m)
        .Order("b2", "bob", new DateTime(2024, 2, 3), 999m, OrderStatus.Refunded)
        .Order("d1", "dave", new DateTime(2024, 1, 5), 20m)
        .Order("d2", "dave", new DateTime(2024, 1, 25), 40m)
        .Order("late", "bob", new DateTime(2024, 3, 1), 500m)
        .Build();

    [Fact]
    public void Figures_follow_the_glossary_definitions()
    {
        var f = ShopFigures.Compute(FactTable.AsOf(Shop(), new DateOnly(2024, 2, 10)));

        Assert.Equal(3, f.Customers);
        Assert.Equal(2, f.RepeatCustomers);
        Assert.Equal(2.0 / 3, f.RepeatPurchaseRate, 12);
        Assert.Equal(6, f.Orders);
        Assert.Equal(300m, f.Revenue);
        Assert.Equal(120m, f.RepeatRevenue);
        Assert.Equal(0.4, f.RepeatRevenueShare, 12);
        Assert.Equal(60m, f.AovNew);
        Assert.Equal(40m, f.AovRepeat);
        Assert.Equal(17.5, f.MedianCycle);
        Assert.Equal(2, f.CycleHistogram.Single(b => b.Days == "15-30").Customers);
        Assert.Equal(2, f.CycleHistogram.Sum(b => b.Customers));
        Assert.Equal(3, f.Segments.Sum(s => s.Customers));
        Assert.Equal(300m, f.Segments.Sum(s => s.Revenue));
    }
}
