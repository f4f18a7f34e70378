using CampaignEngine.Evaluation.Tests.Support;
using CampaignEngine.Orders;

namespace CampaignEngine.Evaluation.Tests;

/// <summary>Event campaigns: one occurrence per order (or per birthday and year), decided once, when event + offset has passed.</summary>
public sealed class EventOccurrenceTests
{
    private static string Triggered(string on) => $$$"""
        campaign: care
        name: care
        on: {{{on}}}
        channels: [sms]
        templates:
          t:
            sms: "【小店】{{ name }}您好"
        rules:
          - rule: r
            when: frequency >= 1
            then: send t
        """;

    /// <summary>The decisions of a daily 10:00 evaluation from one day to another, inclusive.</summary>
    private static List<Decision> EveryDay(CampaignEvaluator evaluator, DateOnly from, DateOnly to)
    {
        var all = new List<Decision>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            all.AddRange(evaluator.Evaluate(new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8))));
        }

        return all;
    }

    [Fact]
    public void Signed_plus_7_days_fires_once_per_order_on_the_day_it_falls_due()
    {
        using var s = new Scenario().Campaign("care", Triggered("signed + 7d"));
        s.Shop.Customer("x", new CustomerDetails(Name: "X", Phone: "13800000000"));
        s.Shop.Order("A", "x", new DateTime(2026, 3, 1, 9, 0, 0), 100m, OrderStatus.Signed, new DateTime(2026, 3, 2, 9, 0, 0), null, new DateTime(2026, 3, 4, 15, 30, 0));
        s.Shop.Order("B", "x", new DateTime(2026, 3, 5, 9, 0, 0), 100m, OrderStatus.Signed, new DateTime(2026, 3, 6, 9, 0, 0), null, new DateTime(2026, 3, 8, 8, 0, 0));
        // An order id that is not ASCII (a shop's own numbering) reads back whole.
        s.Shop.Order("单号-3", "x", new DateTime(2026, 3, 10, 9, 0, 0), 100m, OrderStatus.Signed, new DateTime(2026, 3, 11, 9, 0, 0), null, new DateTime(2026, 3, 12, 8, 0, 0));
        var evaluator = s.Evaluator();

        var all = EveryDay(evaluator, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

        // Order A signed Mar 4 15:30 → due Mar 11 15:30 → decided at the Mar 12 10:00 run; B signed Mar 8 08:00 → due Mar 15 08:00 → the Mar 15 run.
        Assert.Equal([("signed:A", 12), ("signed:B", 15), ("signed:单号-3", 19)], all.Select(d => (d.Occurrence, d.DecidedAt.Day)));
        Assert.All(all, d => Assert.True(d.IsSend));
        Assert.Equal("care/r/x/signed:A", all[0].IdempotencyKey);
    }

    [Fact]
    public void A_window_boundary_belongs_to_exactly_one_run()
    {
        using var s = new Scenario().Campaign("care", Triggered("order_paid + 1h"));
        s.Shop.Customer("x", new CustomerDetails(Name: "X", Phone: "13800000000"));
        s.Shop.Order("A", "x", new DateTime(2026, 3, 1, 9, 0, 0), 100m, OrderStatus.Paid);
        var evaluator = s.Evaluator();

        // Paid 09:00 + 1h = 10:00 exactly: inside (09:00, 10:00], not inside (10:00, 11:00].
        Assert.Empty(evaluator.Evaluate(Scenario.At(3, 1, 9)));
        Assert.Equal("paid:A", Assert.Single(evaluator.Evaluate(Scenario.At(3, 1, 10))).Occurrence);
        Assert.Empty(evaluator.Evaluate(Scenario.At(3, 1, 11)));
    }

    [Fact]
    public void A_birthday_campaign_fires_once_a_year_three_days_before()
    {
        using var s = new Scenario().Campaign("care", Triggered("birthday - 3d"));
        s.Shop.Customer("x", new CustomerDetails(Name: "X", Phone: "13800000000", Birthday: new DateOnly(1990, 3, 20)));
        s.Shop.Order("A", "x", new DateTime(2026, 1, 1, 9, 0, 0), 100m);
        var evaluator = s.Evaluator();

        var all = EveryDay(evaluator, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 25));

        var decision = Assert.Single(all);
        Assert.Equal(("birthday:2026", 17), (decision.Occurrence, decision.DecidedAt.Day));
    }

    [Fact]
    public void A_leap_day_birthday_falls_on_february_28_in_a_common_year_and_on_the_29th_in_a_leap_year()
    {
        using var s = new Scenario().Campaign("care", Triggered("birthday"));
        s.Shop.Customer("x", new CustomerDetails(Name: "X", Phone: "13800000000", Birthday: new DateOnly(2000, 2, 29)));
        s.Shop.Order("A", "x", new DateTime(2025, 1, 1, 9, 0, 0), 100m);
        var evaluator = s.Evaluator();

        var all = EveryDay(evaluator, new DateOnly(2027, 2, 20), new DateOnly(2028, 3, 5));

        Assert.Equal([("birthday:2027", "2027-02-28"), ("birthday:2028", "2028-02-29")], all.Select(d => (d.Occurrence, d.DecidedAt.ToString("yyyy-MM-dd"))));
    }

    [Fact]
    public void A_holiday_campaign_gives_every_customer_one_occurrence()
    {
        using var s = new Scenario().Campaign("care", Triggered("holiday(\"中秋\") - 2d"));
        s.Buyer("x", new DateTime(2026, 1, 1, 9, 0, 0)).Buyer("y", new DateTime(2026, 1, 1, 9, 0, 0));
        var evaluator = s.Evaluator();

        var all = EveryDay(evaluator, new DateOnly(2026, 9, 15), new DateOnly(2026, 10, 1));

        // 中秋 2026 is Sep 25; two days before is Sep 23.
        Assert.Equal([("x", 23), ("y", 23)], all.Select(d => (d.CustomerId, d.DecidedAt.Day)));
        Assert.All(all, d => Assert.Equal("holiday:mid_autumn:2026", d.Occurrence));
    }
}
