using CampaignEngine.Orders;
using static CampaignEngine.Simulation.Tests.Tactics.TacticReplay;

namespace CampaignEngine.Simulation.Tests.Tactics;

/// <summary>Tactic 2: shipped, arrived in the city, signed, and a stalled parcel (campaigns/logistics-*.yaml).</summary>
public sealed class LogisticsCareTests
{
    private static OrderHistory Shop(out string delivered, out string stalled)
    {
        delivered = Customer("logistics-shipped", false);
        stalled = Customer("logistics-shipped", false, 1);
        return new OrderHistoryBuilder()
            .Customer(delivered, Details()).Customer(stalled, Details())
            .Order("o1", delivered, Local(2026, 3, 1), 100m, OrderStatus.Signed, Local(2026, 3, 2, 11, 20), Local(2026, 3, 4, 10, 10), Local(2026, 3, 5, 12))
            .Order("o2", stalled, Local(2026, 3, 1), 100m, OrderStatus.Shipped, Local(2026, 3, 2, 11, 20))
            .Build();
    }

    [Fact]
    public void Each_step_of_the_parcel_gets_its_message_within_the_hour()
    {
        var shop = Shop(out var delivered, out var stalled);
        var (from, to) = (new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 6));

        Assert.Equal([$"{delivered}@2026-03-02 12:00/parcel_shipped", $"{stalled}@2026-03-02 12:00/parcel_shipped"], Run("logistics-shipped", shop, from, to).SendLines);
        Assert.Equal([$"{delivered}@2026-03-04 11:00/parcel_arrived"], Run("logistics-arrived", shop, from, to).SendLines);
        Assert.Equal([$"{delivered}@2026-03-05 14:00/parcel_signed"], Run("logistics-signed", shop, from, to).SendLines);
    }

    [Fact]
    public void A_parcel_not_signed_five_days_after_shipping_is_stalled_once_a_week()
    {
        var shop = Shop(out _, out var stalled);

        var result = Run("logistics-stalled", shop, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 15));

        Assert.Equal([$"{stalled}@2026-03-07 10:00/parcel_stalled", $"{stalled}@2026-03-14 10:00/parcel_stalled"], result.SendLines);
        // 03-08 … 03-13 and 03-15: still stalled, but within the campaign's 1 per 7d.
        Assert.Equal(Enumerable.Repeat($"{stalled}:campaign_cap", 7), result.SuppressedLines);
    }
}
