using CampaignEngine.Campaigns.Limits;
using CampaignEngine.Guards;

namespace CampaignEngine.Campaigns.Tests.Guards;

public sealed class QuietHoursAndBudgetTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly QuietHours Night = LimitParser.ParseQuietHours("21:00-09:00")!;

    private static DateTimeOffset Shop(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_send_in_the_evening_waits_for_the_next_morning()
        => Assert.Equal(Shop(2, 9), QuietHoursGuard.SendAt(Shop(1, 22, 30), Night, Shanghai));

    [Fact]
    public void A_send_after_midnight_waits_for_the_same_morning()
        => Assert.Equal(Shop(2, 9), QuietHoursGuard.SendAt(Shop(2, 3), Night, Shanghai));

    [Fact]
    public void A_send_outside_quiet_hours_goes_out_when_due()
    {
        Assert.Equal(Shop(2, 9), QuietHoursGuard.SendAt(Shop(2, 9), Night, Shanghai));
        Assert.Equal(Shop(2, 20, 59), QuietHoursGuard.SendAt(Shop(2, 20, 59), Night, Shanghai));
        Assert.Equal(Shop(2, 23), QuietHoursGuard.SendAt(Shop(2, 23), null, Shanghai));
    }

    [Fact]
    public void Quiet_hours_are_the_shops_clock_whatever_the_offset_of_the_moment()
    {
        // 13:30 UTC is 21:30 in Shanghai.
        var due = new DateTimeOffset(2026, 3, 1, 13, 30, 0, TimeSpan.Zero);

        Assert.Equal(Shop(2, 9), QuietHoursGuard.SendAt(due, Night, Shanghai));
    }

    [Fact]
    public void A_daily_budget_stops_the_day_and_the_next_day_starts_afresh()
    {
        var ledger = new BudgetLedger();
        var budget = new Budget(0.10m, null);
        var day = new DateOnly(2026, 3, 1);

        Assert.Null(ledger.TrySpend("a", budget, day, 5));
        Assert.Null(ledger.TrySpend("a", budget, day, 5));
        var stopped = ledger.TrySpend("a", budget, day, 5);
        Assert.Equal(("budget", "daily_budget"), (stopped!.Guard, stopped.ReasonCode));
        Assert.Equal(10, ledger.SpentOn("a", day));
        Assert.Null(ledger.TrySpend("a", budget, day.AddDays(1), 5));
    }

    [Fact]
    public void A_total_budget_stops_the_campaign()
    {
        var ledger = new BudgetLedger();
        var budget = new Budget(null, 0.15m);

        Assert.Null(ledger.TrySpend("a", budget, new DateOnly(2026, 3, 1), 10));
        Assert.Equal("total_budget", ledger.TrySpend("a", budget, new DateOnly(2026, 3, 2), 10)!.ReasonCode);
        Assert.Null(ledger.TrySpend("a", budget, new DateOnly(2026, 3, 2), 5));
        Assert.Equal(15, ledger.SpentInTotal("a"));
    }

    [Fact]
    public void Campaigns_have_their_own_budgets_and_no_budget_means_no_limit()
    {
        var ledger = new BudgetLedger();
        var day = new DateOnly(2026, 3, 1);

        Assert.Null(ledger.TrySpend("a", new Budget(0.05m, null), day, 5));
        Assert.Null(ledger.TrySpend("b", new Budget(0.05m, null), day, 5));
        Assert.Null(ledger.TrySpend("c", null, day, 1_000_000));
    }
}
