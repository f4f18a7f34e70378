using CampaignEngine.Orders;
using static CampaignEngine.Simulation.Tests.Tactics.TacticReplay;

namespace CampaignEngine.Simulation.Tests.Tactics;

/// <summary>Tactic 6: each customer's own purchase cycle comes due.</summary>
public sealed class CycleReminderTests
{
    [Fact]
    public void A_30_day_buyer_is_reminded_on_day_30_and_then_left_alone()
    {
        const string id = "cycle-reminder";
        string due = Customer(id, false), once = Customer(id, false, 1), held = Customer(id, true);
        var shop = new OrderHistoryBuilder().Customer(due, Details()).Customer(once, Details()).Customer(held, Details())
            .Order("o1", due, Local(2026, 1, 1), 50m).Order("o2", due, Local(2026, 1, 31), 50m)
            .Order("o3", held, Local(2026, 1, 1), 50m).Order("o4", held, Local(2026, 1, 31), 50m)
            .Order("o5", once, Local(2026, 1, 31), 50m)
            .Build();

        var result = Run(id, shop, new DateOnly(2026, 2, 20), new DateOnly(2026, 3, 20));

        // Cycle 30 days: due from 03-02 for a week; the campaign's 1 per 14d stops the other six days.
        Assert.Equal([$"{due}@2026-03-02 10:00/cycle_due"], result.SendLines);
        Assert.Equal(6, result.SuppressedLines.Count(l => l == $"{due}:campaign_cap"));
        Assert.Equal(7, result.SuppressedLines.Count(l => l == $"{held}:holdout"));
        Assert.Equal(13, result.Suppressed.Count);
    }
}
