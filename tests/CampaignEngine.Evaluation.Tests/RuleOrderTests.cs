using CampaignEngine.Evaluation.Tests.Support;

namespace CampaignEngine.Evaluation.Tests;

/// <summary>
/// A scheduled run decides in customer order whichever rule fires: the evaluator visits only the rows whose
/// rule fired or failed, gathered rule by rule, and must put them back in order (the report and sends.csv
/// are byte-for-byte reproducible only if it does).
/// </summary>
public sealed class RuleOrderTests
{
    private static readonly DateTime March1 = new(2026, 3, 1, 12, 0, 0);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Customers_of_different_rules_and_a_failing_condition_are_decided_in_customer_order(bool oneFails)
    {
        using var s = new Scenario(Scenario.Engine + "\ntrust_scripts: true\n")
            .Campaign("everyone", Scenario.Daily("everyone", extra: "priority: 1"))
            .Campaign("split", """
                campaign: split
                name: split
                schedule: daily 10:00
                priority: 2
                channels: [sms]
                facts:
                  fragile:
                    type: bool
                    script: |
                      if (monetary > 250) throw new InvalidOperationException("no data for big buyers");
                      return true;
                templates:
                  t:
                    sms: "【小店】{{ name }}您好,回T退订"
                rules:
                  - rule: big
                    when: monetary >= 150 and fragile
                    then: send t
                  - rule: small
                    when: monetary < 150
                    then: send t
                """);
        // The big buyers (rule "big") sit between small ones (rule "small"); c1's condition throws if it spent over 250.
        decimal[] prices = [100, oneFails ? 300 : 200, 100, 200, 100, 200, 100];
        for (var i = 0; i < prices.Length; i++)
        {
            s.Buyer("c" + i, March1, price: prices[i]);
        }

        var decisions = s.Evaluator().Evaluate(Scenario.At(3, 10));

        var customerOrder = decisions.Where(d => d.Campaign == "everyone").Select(d => d.CustomerId).ToList();
        var split = decisions.Where(d => d.Campaign == "split").ToList();
        Assert.Equal(prices.Length, customerOrder.Count);
        Assert.Equal(customerOrder, split.Select(d => d.CustomerId));
        var byCustomer = split.ToDictionary(d => d.CustomerId);
        Assert.Equal(["small", oneFails ? "" : "big", "small", "big", "small", "big", "small"], prices.Select((_, i) => byCustomer["c" + i].Rule));
        if (oneFails)
        {
            var failed = byCustomer["c1"].Suppression;
            Assert.Equal(("evaluation", "condition_failed"), (failed?.Guard, failed?.ReasonCode));
            Assert.Contains("no data for big buyers", failed?.Reason);
        }
    }
}
