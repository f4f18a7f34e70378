using CampaignEngine.Evaluation.Tests.Support;
using CampaignEngine.Guards;
using CampaignEngine.Orders;
using CampaignEngine.State;

namespace CampaignEngine.Evaluation.Tests;

/// <summary>Each guard through the evaluator, with the reason it records.</summary>
public sealed class GuardTests
{
    private static readonly DateTime March1 = new(2026, 3, 1, 12, 0, 0);

    private static Decision Only(IReadOnlyList<Decision> decisions, string customer) => Assert.Single(decisions, d => d.CustomerId == customer);

    [Fact]
    public void A_customer_who_opted_out_of_everything_gets_nothing()
    {
        using var s = new Scenario().Campaign("c", Scenario.Daily("c", channels: "[sms, wangwang]"));
        s.Buyer("all", March1, optOut: OptOut.All).Buyer("ok", March1);

        var decisions = s.Evaluator().Evaluate(Scenario.At(3, 10));

        Assert.Equal(("opt_out", "opted_out"), (Only(decisions, "all").Suppression!.Guard, Only(decisions, "all").Suppression!.ReasonCode));
        Assert.True(Only(decisions, "ok").IsSend);
    }

    [Fact]
    public void An_sms_opt_out_falls_back_to_the_next_channel_or_suppresses_when_none_is_left()
    {
        using var both = new Scenario().Campaign("c", Scenario.Daily("c", channels: "[sms, wangwang]"));
        both.Buyer("x", March1, optOut: OptOut.Sms);
        var fallback = Only(both.Evaluator().Evaluate(Scenario.At(3, 10)), "x");
        Assert.True(fallback.IsSend);
        Assert.Equal(("wangwang", "x"), (fallback.Channel, fallback.Message!.Address));

        using var smsOnly = new Scenario().Campaign("c", Scenario.Daily("c", channels: "[sms]"));
        smsOnly.Buyer("x", March1, optOut: OptOut.Sms);
        Assert.Equal("opted_out_channels", Only(smsOnly.Evaluator().Evaluate(Scenario.At(3, 10)), "x").Suppression!.ReasonCode);
    }

    [Theory]
    [InlineData("T", true)]
    [InlineData("td", true)]
    [InlineData("ＴＤ", true)]
    [InlineData(" 退订。", true)]
    [InlineData("N", true)]
    [InlineData("STOP", true)]
    [InlineData("Thanks", false)]
    [InlineData("什么时候发货", false)]
    [InlineData("", false)]
    public void Opt_out_keywords_in_replies(string reply, bool optOut) => Assert.Equal(optOut, OptOutKeywords.IsOptOut(reply));

    [Fact]
    public void Holdout_customers_are_recorded_with_the_message_they_would_have_got_and_are_stable()
    {
        using var s = new Scenario().Campaign("c", Scenario.Daily("c", extra: "holdout: 50%"));
        for (var i = 0; i < 40; i++)
        {
            s.Buyer("h" + i, March1);
        }

        var first = s.Evaluator().Evaluate(Scenario.At(3, 10));
        var held = first.Where(d => d.Suppression?.Guard == "holdout").ToList();

        Assert.InRange(held.Count, 8, 32);
        Assert.All(held, d => Assert.Equal($"【小店】客{d.CustomerId}您好,回T退订", d.Message!.Text));
        Assert.All(held, d => Assert.Empty(s.Contacts.ContactsOf(d.CustomerId, DateTimeOffset.MinValue, DateTimeOffset.MaxValue)));
        // Same customers held out on another day, by another evaluator.
        using var again = new Scenario().Campaign("c", Scenario.Daily("c", extra: "holdout: 50%"));
        for (var i = 0; i < 40; i++)
        {
            again.Buyer("h" + i, March1);
        }

        var second = again.Evaluator().Evaluate(Scenario.At(4, 20));
        Assert.Equal(held.Select(d => d.CustomerId).Order(), second.Where(d => d.Suppression?.Guard == "holdout").Select(d => d.CustomerId).Order());
    }

    [Fact]
    public void A_rolling_campaign_cap_lets_the_next_send_through_exactly_14_times_24_hours_later()
    {
        using var s = new Scenario().Campaign("c", Scenario.Daily("c", extra: "limits:\n  per_customer: 1 per 14d"));
        s.Buyer("x", March1);
        var evaluator = s.Evaluator();

        Assert.True(Only(evaluator.Evaluate(Scenario.At(3, 2)), "x").IsSend);
        for (var day = 3; day <= 15; day++)
        {
            var decision = Only(evaluator.Evaluate(Scenario.At(3, day)), "x");
            Assert.Equal(("frequency_cap", "campaign_cap"), (decision.Suppression?.Guard, decision.Suppression?.ReasonCode));
        }

        Assert.True(Only(evaluator.Evaluate(Scenario.At(3, 16)), "x").IsSend);
    }

    [Fact]
    public void A_calendar_week_cap_resets_on_monday_at_the_shops_midnight()
    {
        var engine = Scenario.Engine + "\nglobal_caps:\n  - 2 per week\n";
        using var s = new Scenario(engine).Campaign("c", Scenario.Daily("c", schedule: "daily 23:30"));
        s.Buyer("x", March1);
        var evaluator = s.Evaluator();

        // 2026-03-06 is a Friday: Fri and Sat go out, Sunday 23:30 is the third of that week, Monday 23:30 is a new week.
        Assert.True(Only(evaluator.Evaluate(Scenario.At(3, 6, 23, 30)), "x").IsSend);
        Assert.True(Only(evaluator.Evaluate(Scenario.At(3, 7, 23, 30)), "x").IsSend);
        Assert.Equal("global_cap", Only(evaluator.Evaluate(Scenario.At(3, 8, 23, 30)), "x").Suppression?.ReasonCode);
        Assert.True(Only(evaluator.Evaluate(Scenario.At(3, 9, 23, 30)), "x").IsSend);
    }

    [Fact]
    public void Quiet_hours_defer_to_the_next_allowed_moment_and_never_drop()
    {
        using var s = new Scenario().Campaign("c", Scenario.Daily("c", schedule: "daily 22:15", extra: "limits:\n  quiet_hours: \"21:00-09:00\""));
        s.Buyer("x", March1);

        var decision = Only(s.Evaluator().Evaluate(Scenario.At(3, 10, 22, 15)), "x");

        Assert.True(decision.IsSend);
        Assert.Equal(Scenario.At(3, 11, 9, 0), decision.SendAt);
        Assert.Equal(Scenario.At(3, 11, 9, 0), Assert.Single(s.Contacts.ContactsOf("x", DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).At);
    }

    [Fact]
    public void A_daily_budget_stops_later_candidates_and_the_next_day_starts_afresh()
    {
        // One SMS of under 70 characters costs ¥0.05: a ¥0.10 day pays for two.
        using var s = new Scenario().Campaign("c", Scenario.Daily("c", extra: "limits:\n  budget: 0.1"));
        s.Buyer("a", March1).Buyer("b", March1).Buyer("c", March1);
        var evaluator = s.Evaluator();

        var day1 = evaluator.Evaluate(Scenario.At(3, 10));
        Assert.Equal(["a", "b"], day1.Where(d => d.IsSend).Select(d => d.CustomerId));
        Assert.All(day1, d => Assert.Equal(5, d.CostFen));
        var stopped = Only(day1, "c").Suppression!;
        Assert.Equal(("budget", "daily_budget"), (stopped.Guard, stopped.ReasonCode));
        Assert.Contains("budget exhausted", stopped.Reason, StringComparison.Ordinal);

        // The next day has its own ¥0.10: two sends again, the third stopped again.
        var day2 = evaluator.Evaluate(Scenario.At(3, 11));
        Assert.Equal(2, day2.Count(d => d.IsSend));
        Assert.Equal("daily_budget", Only(day2, "c").Suppression?.ReasonCode);
    }

    [Fact]
    public void Loyal_price_protection_stops_an_offer_below_what_the_customer_paid_within_the_window()
    {
        using var s = new Scenario().Campaign("c", Scenario.Daily("c", then: "send t with price = 199, category = \"连衣裙\""));
        s.Buyer("recent", new DateTime(2026, 3, 1, 12, 0, 0), price: 239m)
            .Buyer("long_ago", new DateTime(2026, 1, 20, 12, 0, 0), price: 239m)
            .Buyer("cheaper", new DateTime(2026, 3, 1, 12, 0, 0), price: 150m)
            .Buyer("other_category", new DateTime(2026, 3, 1, 12, 0, 0), price: 239m, category: "外套");

        var decisions = s.Evaluator().Evaluate(Scenario.At(3, 10));

        var stopped = Only(decisions, "recent").Suppression!;
        Assert.Equal(("loyal_price", "undercuts_recent_price"), (stopped.Guard, stopped.ReasonCode));
        Assert.Contains("¥239.00", stopped.Reason, StringComparison.Ordinal);
        Assert.True(Only(decisions, "long_ago").IsSend);   // 49 days ago, outside the default 30
        Assert.True(Only(decisions, "cheaper").IsSend);
        Assert.True(Only(decisions, "other_category").IsSend);
    }

    [Fact]
    public void A_discount_is_an_offer_on_the_regular_price()
    {
        using var s = new Scenario().Campaign("c", Scenario.Daily("c", then: "send t with discount = 0.8"));
        s.Buyer("full_price", new DateTime(2026, 3, 1, 12, 0, 0), price: 200m)
            .Buyer("on_sale", new DateTime(2026, 3, 2, 12, 0, 0), price: 150m);

        var decisions = s.Evaluator().Evaluate(Scenario.At(3, 10));

        Assert.Equal("loyal_price", Only(decisions, "full_price").Suppression?.Guard); // 0.8 × 200 = 160 < 200
        Assert.True(Only(decisions, "on_sale").IsSend);                                 // 160 > 150
    }

    [Fact]
    public void No_reachable_channel_is_a_suppression_and_a_missing_phone_falls_back()
    {
        using var s = new Scenario().Campaign("c", Scenario.Daily("c", channels: "[sms, email]"));
        s.Buyer("nothing", March1, phone: null).Buyer("mail", March1, phone: null, email: "a@b.example");

        var decisions = s.Evaluator().Evaluate(Scenario.At(3, 10));

        Assert.Equal(("unreachable", "unreachable"), (Only(decisions, "nothing").Suppression?.Guard, Only(decisions, "nothing").Suppression?.ReasonCode));
        Assert.Equal(("email", "a@b.example"), (Only(decisions, "mail").Channel, Only(decisions, "mail").Message?.Address));
        Assert.Equal("hi", Only(decisions, "mail").Message?.Subject);
    }

    [Fact]
    public void A_template_that_fails_to_render_is_a_suppression_not_a_crash()
    {
        using var s = new Scenario().Campaign("c", Scenario.Daily("c", template: "\"【小店】{{ frequency | divided_by: 0 }} 回T退订\""));
        s.Buyer("x", March1);

        var decision = Only(s.Evaluator().Evaluate(Scenario.At(3, 10)), "x");

        Assert.Equal(("template", "render_failed"), (decision.Suppression?.Guard, decision.Suppression?.ReasonCode));
    }

    [Fact]
    public void An_occurrence_already_sent_is_reported_not_sent_again()
    {
        using var s = new Scenario().Campaign("c", Scenario.Daily("c", schedule: "0 10,15 * * *"));
        s.Buyer("x", March1);
        var evaluator = s.Evaluator();

        Assert.True(Only(evaluator.Evaluate(Scenario.At(3, 10, 10)), "x").IsSend);
        Assert.Equal("already_sent", Only(evaluator.Evaluate(Scenario.At(3, 10, 15)), "x").Suppression?.ReasonCode);
    }

    /// <summary>The dry-run's store reads only recent contacts for the idempotency check: a day's occurrence sent at 10:00 is still found at 15:00 and 20:00, and the next day is a new occurrence.</summary>
    [Fact]
    public void The_dry_run_store_finds_an_occurrence_sent_earlier_the_same_day()
    {
        using var s = new Scenario().Campaign("c", Scenario.Daily("c", schedule: "0 10,15,20 * * *"));
        s.Buyer("x", March1);
        var history = s.Shop.Build();
        var set = s.Load();
        var evaluator = new CampaignEvaluator(set.Campaigns, set.Config, history, new SimulatedContactHistory(history));

        Assert.True(Only(evaluator.Evaluate(Scenario.At(3, 10, 10)), "x").IsSend);
        Assert.Equal("already_sent", Only(evaluator.Evaluate(Scenario.At(3, 10, 15)), "x").Suppression?.ReasonCode);
        Assert.Equal("already_sent", Only(evaluator.Evaluate(Scenario.At(3, 10, 20)), "x").Suppression?.ReasonCode);
        Assert.True(Only(evaluator.Evaluate(Scenario.At(3, 11, 10)), "x").IsSend);
    }
}
