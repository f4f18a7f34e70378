using CampaignEngine.Orders;
using static CampaignEngine.Simulation.Tests.Tactics.TacticReplay;

namespace CampaignEngine.Simulation.Tests.Tactics;

/// <summary>Tactic 8: gold and VIP members see new arrivals every Tuesday at 10:00.</summary>
public sealed class VipEarlyAccessTests
{
    [Fact]
    public void Gold_members_every_Tuesday_and_an_opted_out_member_never()
    {
        const string id = "vip-early-access";
        string gold = Customer(id, false), optedOut = Customer(id, false, 1), ordinary = Customer(id, false, 2);
        var shop = new OrderHistoryBuilder()
            .Customer(gold, Details(level: "金卡")).Customer(optedOut, Details(level: "VIP", optOut: OptOut.All)).Customer(ordinary, Details(level: "普通"))
            .Order("o1", gold, Local(2026, 1, 5), 900m).Order("o2", optedOut, Local(2026, 1, 5), 900m)
            .Build();

        var result = Run(id, shop, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 21));

        Assert.Equal([$"{gold}@2026-03-03 10:00/early_access", $"{gold}@2026-03-10 10:00/early_access", $"{gold}@2026-03-17 10:00/early_access"], result.SendLines);
        Assert.Equal(Enumerable.Repeat($"{optedOut}:opted_out", 3), result.SuppressedLines);
        Assert.All(result.Sends, s => Assert.Equal(DayOfWeek.Tuesday, s.SendAt.DayOfWeek));
    }
}
