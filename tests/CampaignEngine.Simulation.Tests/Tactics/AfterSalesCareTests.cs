using CampaignEngine.Orders;
using static CampaignEngine.Simulation.Tests.Tactics.TacticReplay;

namespace CampaignEngine.Simulation.Tests.Tactics;

/// <summary>Tactic 1, 签收后7天关怀 (campaigns/after-sales-care.yaml, written with Chinese keys).</summary>
public sealed class AfterSalesCareTests
{
    [Fact]
    public void Seven_days_after_sign_off_and_never_in_quiet_hours()
    {
        const string id = "after-sales-care";
        string happy = Customer(id, false), late = Customer(id, false, 1), complaint = Customer(id, false, 2), optedOut = Customer(id, false, 3), held = Customer(id, true);
        var shop = new OrderHistoryBuilder()
            .Customer(happy, Details()).Customer(late, Details()).Customer(complaint, Details(tags: "complaint"))
            .Customer(optedOut, Details(optOut: OptOut.All)).Customer(held, Details());
        foreach (var (customer, n) in new[] { (happy, 1), (complaint, 2), (optedOut, 3), (held, 4) })
        {
            shop.Order($"o{n}", customer, Local(2026, 3, 1), 100m, OrderStatus.Signed, Local(2026, 3, 2), Local(2026, 3, 3, 8), Local(2026, 3, 3, 14, 30));
        }

        // Signed at 23:30: seven days later is inside quiet hours, so the message waits for 09:00.
        shop.Order("o5", late, Local(2026, 3, 1), 100m, OrderStatus.Signed, Local(2026, 3, 2), Local(2026, 3, 3, 8), Local(2026, 3, 3, 23, 30));

        var result = Run(id, shop.Build(), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 20));

        Assert.Equal([$"{happy}@2026-03-10 15:00/签收关怀", $"{late}@2026-03-11 09:00/签收关怀"], result.SendLines);
        Assert.Equal([$"{held}:holdout", $"{optedOut}:opted_out"], result.SuppressedLines.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(complaint, result.SendLines.Concat(result.SuppressedLines).Select(l => l.Split('@', ':')[0]));
    }
}
