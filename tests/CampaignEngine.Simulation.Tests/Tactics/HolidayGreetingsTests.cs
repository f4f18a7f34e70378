using CampaignEngine.Orders;
using static CampaignEngine.Simulation.Tests.Tactics.TacticReplay;

namespace CampaignEngine.Simulation.Tests.Tactics;

/// <summary>Tactic 3: greetings on six festivals; the lunar ones from the festival calendar.</summary>
public sealed class HolidayGreetingsTests
{
    [Fact]
    public void Repeat_customers_are_greeted_on_each_festival_morning_of_2026()
    {
        const string id = "holiday-greetings";
        string repeat = Customer(id, false), once = Customer(id, false, 1), blacklisted = Customer(id, false, 2), held = Customer(id, true);
        var shop = new OrderHistoryBuilder().Customer(repeat, Details()).Customer(once, Details()).Customer(blacklisted, Details(tags: "blacklist")).Customer(held, Details());
        var n = 0;
        foreach (var customer in new[] { repeat, blacklisted, held })
        {
            shop.Order($"o{++n}", customer, Local(2025, 5, 1), 80m).Order($"o{++n}", customer, Local(2025, 6, 1), 80m);
        }

        shop.Order("single", once, Local(2025, 6, 1), 80m);

        var result = Run(id, shop.Build(), new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

        // 春节 2026-02-17 and 端午 06-19, 中秋 09-25 (lunar); 母亲节: second Sunday of May.
        Assert.Equal(
        [
            $"{repeat}@2026-02-17 09:30/spring_festival", $"{repeat}@2026-03-08 09:30/womens_day", $"{repeat}@2026-05-10 09:30/mothers_day",
            $"{repeat}@2026-06-19 09:30/dragon_boat", $"{repeat}@2026-09-25 09:30/mid_autumn", $"{repeat}@2026-11-11 09:30/double11",
        ], result.SendLines);
        Assert.Equal(Enumerable.Repeat($"{held}:holdout", 6), result.SuppressedLines);
    }
}
