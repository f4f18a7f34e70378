using System.Globalization;
using CampaignEngine.Campaigns;
using CampaignEngine.Campaigns.Schedules;
using CampaignEngine.Facts;

namespace CampaignEngine.Evaluation;

/// <summary>
/// Explains one customer at one moment: runs the real evaluation (so budgets spent by other customers
/// and global caps count as they would), keeps this customer's decisions, and breaks down every
/// campaign's audience and rules for the customer. Slow by design (it boxes values); never on the
/// evaluation path.
/// </summary>
internal static class CustomerExplainer
{
    public static IReadOnlyList<CampaignExplanation> Explain(CampaignEvaluator evaluator, string customerId, DateTimeOffset moment, string? campaignId)
    {
        var history = evaluator.History;
        var row = history.FindCustomer(customerId);
        if (row < 0)
        {
            return [];
        }

        var since = moment - evaluator.EventLookback;
        var campaigns = evaluator.Campaigns.Where(c => campaignId is null || c.Id == campaignId).ToList();
        var due = campaigns.ToDictionary(c => c.Id, c => DueFor(evaluator, c, row, since, moment));

        var decisions = new List<Decision>();
        evaluator.Evaluate(moment, d =>
        {
            if (d.CustomerId == customerId)
            {
                decisions.Add(d);
            }
        });
        var facts = evaluator.Facts!;

        var result = new List<CampaignExplanation>();
        foreach (var campaign in campaigns)
        {
            var (isDue, when, occurrences) = due[campaign.Id];
            var audience = campaign.Audience is null ? null : ConditionBreakdown.Explain(campaign.Audience, facts, row);
            var audienceOk = audience is null || audience.Result == true;
            var rules = new List<RuleExplanation>();
            string? fired = null;
            foreach (var rule in campaign.Rules)
            {
                var explained = ConditionBreakdown.Explain(rule.When, facts, row);
                var fires = fired is null && audienceOk && explained.Result == true;
                fired ??= fires ? rule.Name : null;
                rules.Add(new RuleExplanation(rule.Name, rule.Priority, explained, fires));
            }

            result.Add(new CampaignExplanation(campaign.Id, campaign.Name, campaign.Priority, isDue, when, occurrences, audience, rules, fired,
                [.. decisions.Where(d => d.Campaign == campaign.Id)]));
        }

        return result;
    }

    private static (bool Due, string When, IReadOnlyList<string> Occurrences) DueFor(
        CampaignEvaluator evaluator, Campaign<FactTable> campaign, int row, DateTimeOffset since, DateTimeOffset moment)
    {
        var at = evaluator.ShopLocal(moment).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        if (campaign.Schedule is { } schedule)
        {
            var isDue = evaluator.ScheduledDue(schedule, since, moment);
            var day = DateOnly.FromDateTime(evaluator.ShopLocal(moment)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return isDue
                ? (true, $"schedule '{schedule.Text}' has a run on {day} at or before {at}", [day])
                : (false, $"schedule '{schedule.Text}' has no run on {day} at or before {at}", []);
        }

        if (campaign.Trigger is not { } trigger)
        {
            return (false, "the campaign has neither a schedule nor a trigger", []);
        }

        var occurrences = evaluator.OccurrencesOf(trigger, row, since, moment);
        var window = $"'{trigger.Text}' falling after {evaluator.ShopLocal(since).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} and at or before {at}";
        return occurrences.Count > 0
            ? (true, $"event {window}: {string.Join(", ", occurrences)}", occurrences)
            : (false, $"no event {window} for this customer", occurrences);
    }
}
