using CampaignEngine.Orders;
using static CampaignEngine.Simulation.Tests.Tactics.TacticReplay;

namespace CampaignEngine.Simulation.Tests.Tactics;

/// <summary>Tactic 4: a birthday coupon three days before; gold and VIP members get the bigger one.</summary>
public sealed class BirthdaySurpriseTests
{
    [Fact]
    public void Three_days_before_the_birthday_at_the_end_of_quiet_hours()
    {
        const string id = "birthday-surprise";
        string gold = Customer(id, false), member = Customer(id, false, 1), neverBought = Customer(id, false, 2), held = Customer(id, true);
        var birthday = new DateOnly(1990, 6, 15);
        var shop = new OrderHistoryBuilder()
            .Customer(gold, Details(level: "金卡", birthday: birthday)).Customer(member, Details(level: "普通", birthday: new DateOnly(1995, 6, 20)))
            .Customer(neverBought, Details(birthday: birthday)).Customer(held, Details(birthday: birthday))
            .Order("o1", gold, Local(2026, 1, 5), 900m).Order("o2", member, Local(2026, 1, 5), 90m).Order("o3", held, Local(2026, 1, 5), 90m)
            .Build();

        var result = Run(id, shop, new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 30));

        // The occurrence is at midnight of 06-12; quiet hours (21:00-09:00) defer it to 09:00.
        Assert.Equal([$"{gold}@2026-06-12 09:00/vip_birthday", $"{member}@2026-06-17 09:00/birthday"], result.SendLines);
        Assert.Equal([$"{held}:holdout"], result.SuppressedLines);
        Assert.Equal("BDAY50", result.Sends[0].Message!.Values!["coupon"]);
    }
}
