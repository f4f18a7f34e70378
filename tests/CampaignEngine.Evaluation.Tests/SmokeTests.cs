using CampaignEngine.Evaluation.Tests.Support;
using CampaignEngine.State;

namespace CampaignEngine.Evaluation.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Sample_shop_decides_at_ten()
    {
        var set = ShippedShop.Campaigns;
        Assert.False(set.HasErrors, string.Join("\n", set.Diagnostics));
        var evaluator = new CampaignEvaluator(set.Campaigns, set.Config, ShippedShop.History, new InMemoryContactHistory());
        var moment = new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.FromHours(8));
        var decisions = evaluator.Evaluate(moment);
        foreach (var g in decisions.GroupBy(d => (d.Campaign, d.Suppression?.ReasonCode)))
        {
            Console.WriteLine($"{g.Key}: {g.Count()}  e.g. {g.First()}");
        }

        Assert.NotEmpty(decisions);
    }
}
