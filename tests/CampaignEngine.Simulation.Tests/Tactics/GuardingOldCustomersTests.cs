using CampaignEngine.Guards;
using CampaignEngine.Orders;
using static CampaignEngine.Simulation.Tests.Tactics.TacticReplay;

namespace CampaignEngine.Simulation.Tests.Tactics;

/// <summary>Tactic 10: engine.yaml's global caps hold across campaigns (1 per day, max 3 per 30d).</summary>
public sealed class GuardingOldCustomersTests
{
    [Fact]
    public void Two_campaigns_on_one_day_send_one_message_and_the_later_one_is_capped()
    {
        string[] campaigns = ["holiday-greetings", "cycle-reminder"];
        var customer = Enumerable.Range(1, 1000).Select(i => $"c{i}").First(c => !Holdout.IsHeldOut(campaigns[0], c, 10) && !Holdout.IsHeldOut(campaigns[1], c, 10));

        // Cycle 30 days, last order 02-06: due on 03-08, which is also 妇女节 (holiday greetings at 09:30).
        var shop = new OrderHistoryBuilder().Customer(customer, Details())
            .Order("o1", customer, Local(2026, 1, 7), 50m).Order("o2", customer, Local(2026, 2, 6), 50m)
            .Build();

        var result = Run(campaigns, shop, new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 8));

        Assert.Equal([$"{customer}@2026-03-08 09:30/womens_day"], result.SendLines);
        Assert.Equal([$"{customer}:global_cap"], result.SuppressedLines);
        Assert.Contains("1 per day", result.Suppressed[0].Suppression!.Reason, StringComparison.Ordinal);
    }
}
