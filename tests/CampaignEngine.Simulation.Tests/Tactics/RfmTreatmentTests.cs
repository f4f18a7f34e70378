using CampaignEngine.Orders;
using static CampaignEngine.Simulation.Tests.Tactics.TacticReplay;

namespace CampaignEngine.Simulation.Tests.Tactics;

/// <summary>Tactic 7: a VIP coupon for high F/M customers, a win-back for lapsed high-value ones (rules in a .rules file).</summary>
public sealed class RfmTreatmentTests
{
    [Fact]
    public void The_VIP_gets_the_coupon_and_the_lapsed_big_spender_the_win_back()
    {
        const string id = "rfm-vip";
        string vip = Customer(id, false), lapsed = Customer(id, false, 1);
        var shop = new OrderHistoryBuilder().Customer(vip, Details()).Customer(lapsed, Details());
        var n = 0;
        for (var i = 0; i < 6; i++)
        {
            // Six large orders each: the top of frequency and monetary. The VIP bought two weeks ago, the lapsed one a year ago.
            shop.Order($"v{i}", vip, Local(2026, 2, 1).AddDays(i * 3), 800m);
            shop.Order($"l{i}", lapsed, Local(2025, 1, 1).AddDays(i * 10), 800m);
        }

        var regulars = Enumerable.Range(0, 18).Select(i => Customer(id, false, 2 + i)).ToList();
        foreach (var c in regulars)
        {
            shop.Customer(c, Details()).Order($"r{++n}", c, Local(2026, 1, 10), 60m).Order($"r{++n}", c, Local(2026, 2, 10), 60m);
        }

        var result = Run(id, shop.Build(), new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8));

        Assert.Equal(new[] { $"{lapsed}@2026-03-03 10:00/winback", $"{vip}@2026-03-03 10:00/vip_coupon" }.Order(StringComparer.Ordinal), result.SendLines.Order(StringComparer.Ordinal));
        Assert.Empty(result.Suppressed);
    }
}
