using CampaignEngine.Orders;
using static CampaignEngine.Simulation.Tests.Tactics.TacticReplay;

namespace CampaignEngine.Simulation.Tests.Tactics;

/// <summary>Tactic 5: style and category promotions to the customers who like them; loyal-price protection.</summary>
public sealed class PreferenceTargetingTests
{
    [Fact]
    public void Each_fan_hears_about_their_style_and_a_recent_full_price_buyer_is_protected()
    {
        const string id = "preference-targeting";
        string korean = Customer(id, false), japanese = Customer(id, false, 1), dress = Customer(id, false, 2), recentDress = Customer(id, false, 3), street = Customer(id, false, 4), held = Customer(id, true);
        var shop = new OrderHistoryBuilder();
        foreach (var c in new[] { korean, japanese, dress, recentDress, street, held })
        {
            shop.Customer(c, Details());
        }

        shop.Order("o1", korean, Local(2026, 2, 1), 99m, lines: new OrderLine("T恤", "韩版", 1, 99m))
            .Order("o2", japanese, Local(2026, 2, 1), 99m, lines: new OrderLine("T恤", "日系", 1, 99m))
            .Order("o3", dress, Local(2026, 1, 1), 300m, lines: new OrderLine("连衣裙", "欧美", 1, 300m))
            .Order("o4", recentDress, Local(2026, 2, 20), 300m, lines: new OrderLine("连衣裙", "欧美", 1, 300m))
            .Order("o5", street, Local(2026, 2, 1), 99m, lines: new OrderLine("T恤", "街头", 1, 99m))
            .Order("o6", held, Local(2026, 2, 1), 99m, lines: new OrderLine("T恤", "韩版", 1, 99m));

        var result = Run(id, shop.Build(), new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8));

        // Friday 03-06 10:00. The dress offer (85% of ¥300) is below the ¥300 paid on 02-20, within 30 days.
        Assert.Equal(
            new[] { $"{korean}@2026-03-06 10:00/korean_style", $"{japanese}@2026-03-06 10:00/japanese_style", $"{dress}@2026-03-06 10:00/dress_lovers" }.Order(StringComparer.Ordinal),
            result.SendLines.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { $"{held}:holdout", $"{recentDress}:undercuts_recent_price" }.Order(StringComparer.Ordinal), result.SuppressedLines.Order(StringComparer.Ordinal));
    }
}
