using CampaignEngine.Orders;
using static CampaignEngine.Simulation.Tests.Tactics.TacticReplay;

namespace CampaignEngine.Simulation.Tests.Tactics;

/// <summary>Tactic 9: review invitations only to satisfied repeat customers, three days after sign-off.</summary>
public sealed class ReviewInvitationTests
{
    [Fact]
    public void Only_repeat_customers_without_refunds_are_asked()
    {
        const string id = "review-invitation";
        string satisfied = Customer(id, false), refunded = Customer(id, false, 1), first = Customer(id, false, 2), held = Customer(id, true);
        var shop = new OrderHistoryBuilder();
        foreach (var c in new[] { satisfied, refunded, first, held })
        {
            shop.Customer(c, Details());
        }

        var n = 0;
        foreach (var c in new[] { satisfied, refunded, held })
        {
            shop.Order($"o{++n}", c, Local(2026, 1, 5), 100m, OrderStatus.Signed, Local(2026, 1, 6), Local(2026, 1, 7), Local(2026, 1, 8));
        }

        shop.Order("refund", refunded, Local(2026, 2, 1), 100m, OrderStatus.Refunded);
        foreach (var c in new[] { satisfied, refunded, first, held })
        {
            shop.Order($"o{++n}", c, Local(2026, 3, 1), 100m, OrderStatus.Signed, Local(2026, 3, 2), Local(2026, 3, 4), Local(2026, 3, 5, 12));
        }

        var result = Run(id, shop.Build(), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 15));

        Assert.Equal([$"{satisfied}@2026-03-08 12:00/satisfied_repeat"], result.SendLines);
        Assert.Equal([$"{held}:holdout"], result.SuppressedLines);
    }
}
