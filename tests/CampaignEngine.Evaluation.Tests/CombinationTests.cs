using CampaignEngine.Evaluation.Tests.Support;
using CampaignEngine.Guards;
using CampaignEngine.Orders;

namespace CampaignEngine.Evaluation.Tests;

/// <summary>Guards meeting on one customer, and campaigns competing under a global cap.</summary>
public sealed class CombinationTests
{
    private static readonly DateTime March1 = new(2026, 3, 1, 12, 0, 0);

    [Fact]
    public void Cap_quiet_hours_and_holdout_on_the_same_customer()
    {
        // Find a customer in and one out of a 50% holdout of campaign "c" (the hash is fixed, so this is stable).
        var ids = Enumerable.Range(0, 100).Select(i => "k" + i).ToList();
        var heldOut = ids.First(id => Holdout.IsHeldOut("c", id, 50));
        var treated = ids.First(id => !Holdout.IsHeldOut("c", id, 50));
        using var s = new Scenario().Campaign("c", Scenario.Daily("c", schedule: "daily 22:00",
            extra: "holdout: 50%\nlimits:\n  per_customer: 1 per 2d\n  quiet_hours: \"21:00-09:00\""));
        s.Buyer(heldOut, March1).Buyer(treated, March1);
        var evaluator = s.Evaluator();

        var night1 = evaluator.Evaluate(Scenario.At(3, 10, 22));
        var sent = Assert.Single(night1, d => d.CustomerId == treated);
        Assert.True(sent.IsSend);
        Assert.Equal(Scenario.At(3, 11, 9), sent.SendAt);          // deferred past the quiet hours
        var held = Assert.Single(night1, d => d.CustomerId == heldOut);
        Assert.Equal("holdout", held.Suppression?.Guard);          // holdout comes before caps and never records a contact
        Assert.Equal(Scenario.At(3, 11, 9), held.SendAt);

        // The next night: the cap counts the deferred send at 09:00 (1 per 2d = 48 h from 09:00 on the 11th);
        // the holdout customer is still held out, never capped, because nothing was sent.
        var night2 = evaluator.Evaluate(Scenario.At(3, 11, 22));
        Assert.Equal("campaign_cap", Assert.Single(night2, d => d.CustomerId == treated).Suppression?.ReasonCode);
        Assert.Equal("holdout", Assert.Single(night2, d => d.CustomerId == heldOut).Suppression?.Guard);

        // The 12th at 22:00 is deferred to the 13th 09:00, exactly 48 h after the first send: allowed again.
        Assert.True(Assert.Single(evaluator.Evaluate(Scenario.At(3, 12, 22)), d => d.CustomerId == treated).IsSend);
    }

    [Fact]
    public void Under_a_global_cap_the_higher_priority_campaign_wins_then_the_campaign_id()
    {
        var engine = Scenario.Engine + "\nglobal_caps:\n  - 1 per day\n";
        using var s = new Scenario(engine)
            .Campaign("zeta", Scenario.Daily("zeta", extra: "priority: 5"))
            .Campaign("alpha", Scenario.Daily("alpha", extra: "priority: 50"))
            .Campaign("beta", Scenario.Daily("beta", extra: "priority: 50"));
        s.Buyer("x", March1);
        var evaluator = s.Evaluator();

        var decisions = evaluator.Evaluate(Scenario.At(3, 10));

        Assert.Equal(["zeta", "alpha", "beta"], decisions.Select(d => d.Campaign));
        Assert.True(decisions[0].IsSend);
        Assert.All(decisions.Skip(1), d => Assert.Equal("global_cap", d.Suppression?.ReasonCode));
    }

    [Fact]
    public void A_global_cap_of_three_in_30_days_counts_every_campaign()
    {
        var engine = Scenario.Engine + "\nglobal_caps:\n  - max 3 per 30d\n";
        using var s = new Scenario(engine)
            .Campaign("a", Scenario.Daily("a", schedule: "weekly mon 10:00"))
            .Campaign("b", Scenario.Daily("b", schedule: "weekly thu 10:00"));
        s.Buyer("x", March1);
        var evaluator = s.Evaluator();

        var all = new List<Decision>();
        for (var day = 2; day <= 20; day++)
        {
            all.AddRange(evaluator.Evaluate(Scenario.At(3, day)));
        }

        // Mon 2, Thu 5, Mon 9 go out; Thu 12, Mon 16, Thu 19 are within 30 days of three sends.
        Assert.Equal([2, 5, 9], all.Where(d => d.IsSend).Select(d => d.DecidedAt.Day));
        Assert.Equal([12, 16, 19], all.Where(d => d.Suppression?.ReasonCode == "global_cap").Select(d => d.DecidedAt.Day));
    }

    [Fact]
    public void A_rule_with_a_tag_action_changes_what_later_rules_see()
    {
        using var s = new Scenario()
            .Campaign("first", Scenario.Daily("first", extra: "priority: 1", then: "tag contacted_vip"))
            .Campaign("second", Scenario.Daily("second", extra: "priority: 2", when: "tagged(\"contacted_vip\")"));
        s.Buyer("x", March1);
        var changes = new List<CustomerChange>();
        var decisions = new List<Decision>();

        s.Evaluator().Evaluate(Scenario.At(3, 10), decisions.Add, changes.Add);

        var change = Assert.Single(changes);
        Assert.Equal((CustomerChangeKind.Tag, "contacted_vip", "x"), (change.Kind, change.Value, change.CustomerId));
        Assert.Equal("second", Assert.Single(decisions).Campaign);
    }

    [Fact]
    public void Contacts_of_a_run_feed_last_contact_days()
    {
        using var s = new Scenario()
            .Campaign("a", Scenario.Daily("a", extra: "priority: 1"))
            .Campaign("b", Scenario.Daily("b", extra: "priority: 2", when: "last_contact_days >= 2 or not known(last_contact_days)"));
        s.Buyer("x", March1, optOut: OptOut.None);
        var evaluator = s.Evaluator();

        Assert.Equal(["a", "b"], evaluator.Evaluate(Scenario.At(3, 10)).Where(d => d.IsSend).Select(d => d.Campaign));
        Assert.Equal(["a"], evaluator.Evaluate(Scenario.At(3, 11)).Select(d => d.Campaign));
        Assert.Equal(["a"], evaluator.Evaluate(Scenario.At(3, 12)).Select(d => d.Campaign)); // last contact 1 day ago (a on the 11th)
    }
}
