using CampaignEngine.Evaluation;

namespace CampaignEngine.Reports;

/// <summary>What the report needs to know of a campaign besides its decisions: its name, budget and whether it holds customers out.</summary>
internal sealed record CampaignInfo(string Id, string Name, decimal? DailyBudget, decimal? TotalBudget, bool HasHoldout = true);

/// <summary>A customer's purchases after a moment: converted within the window, and the revenue paid in it.</summary>
internal readonly record struct PurchaseOutcome(bool Converted, long RevenueFen);

/// <summary>
/// Collects a dry-run's decisions and turns them into a <see cref="DryRunReport"/> plus the rows of
/// sends.csv and suppressed.csv. Every list comes out in a fixed order (ordinal text, then time), so the
/// same decisions give byte-identical files whatever order they arrived in.
/// </summary>
internal sealed class ReportBuilder(
    DateOnly from,
    DateOnly to,
    int windowDays,
    TimeZoneInfo shopZone,
    IReadOnlyList<CampaignInfo> campaigns,
    Func<string, DateTimeOffset, PurchaseOutcome> outcomeAfter)
{
    private readonly List<Decision> _sends = [];
    private readonly List<Decision> _suppressions = [];

    public int SendCount => _sends.Count;

    public int SuppressedCount => _suppressions.Count;

    public void Add(Decision decision) => (decision.IsSend ? _sends : _suppressions).Add(decision);

    internal DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, shopZone).DateTime);

    /// <summary>Sends in file order, each with its outcome.</summary>
    internal IReadOnlyList<(Decision Decision, PurchaseOutcome Outcome)> Sends()
        => Sorted(_sends).Select(d => (d, outcomeAfter(d.CustomerId, d.SendAt))).ToList();

    /// <summary>Suppressions in file order; holdout ones carry the outcome they would be compared on.</summary>
    internal IReadOnlyList<(Decision Decision, PurchaseOutcome? Outcome)> Suppressions()
        => Sorted(_suppressions).Select(d => (d, IsHoldout(d) ? outcomeAfter(d.CustomerId, d.SendAt) : (PurchaseOutcome?)null)).ToList();

    public DryRunReport Build()
    {
        var sends = Sends();
        var suppressions = Suppressions();
        var holdouts = suppressions.Where(s => s.Outcome is not null).Select(s => (s.Decision, Outcome: s.Outcome!.Value)).ToList();
        var days = to.DayNumber - from.DayNumber + 1;

        var byCampaign = campaigns.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c =>
        {
            var own = sends.Where(s => s.Decision.Campaign == c.Id).ToList();
            var held = holdouts.Where(h => h.Decision.Campaign == c.Id).ToList();
            return new CampaignSummary(
                c.Id,
                c.Name,
                own.Count,
                own.Select(s => s.Decision.CustomerId).Distinct(StringComparer.Ordinal).Count(),
                own.Sum(s => s.Decision.CostFen),
                BudgetFen(c, days),
                suppressions.Count(s => s.Decision.Campaign == c.Id),
                held.Count,
                Compare(own, held));
        }).ToList();

        var rules = sends.Select(s => (s.Decision.Campaign, s.Decision.Rule))
            .Concat(suppressions.Select(s => (s.Decision.Campaign, s.Decision.Rule)))
            .Distinct()
            .OrderBy(k => k.Campaign, StringComparer.Ordinal).ThenBy(k => k.Rule, StringComparer.Ordinal)
            .Select(k =>
            {
                var own = sends.Where(s => s.Decision.Campaign == k.Campaign && s.Decision.Rule == k.Rule).Select(s => s.Decision).ToList();
                return new RuleSummary(k.Campaign, k.Rule, own.Count, own.Select(d => d.CustomerId).Distinct(StringComparer.Ordinal).Count(),
                    own.Sum(d => d.CostFen), suppressions.Count(s => s.Decision.Campaign == k.Campaign && s.Decision.Rule == k.Rule));
            }).ToList();

        var channels = sends.GroupBy(s => s.Decision.Channel ?? "", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ChannelSummary(g.Key, g.Count(), g.Sum(s => s.Decision.CostFen))).ToList();

        var sendsByDay = sends.GroupBy(s => DayOf(s.Decision.SendAt)).ToDictionary(g => g.Key, g => (Count: g.Count(), Cost: g.Sum(s => s.Decision.CostFen)));
        var suppressedByDay = suppressions.GroupBy(s => DayOf(s.Decision.DecidedAt)).ToDictionary(g => g.Key, g => g.Count());
        var lastDay = new[] { to }.Concat(sendsByDay.Keys).Max();
        var perDay = Enumerable.Range(from.DayNumber, lastDay.DayNumber - from.DayNumber + 1).Select(DateOnly.FromDayNumber).Select(d =>
            new DaySummary(d, sendsByDay.GetValueOrDefault(d).Count, sendsByDay.GetValueOrDefault(d).Cost, suppressedByDay.GetValueOrDefault(d))).ToList();

        var reasons = suppressions.GroupBy(s => (s.Decision.Suppression!.Guard, s.Decision.Suppression.ReasonCode))
            .OrderBy(g => g.Key.Guard, StringComparer.Ordinal).ThenBy(g => g.Key.ReasonCode, StringComparer.Ordinal)
            .Select(g => new SuppressionSummary(g.Key.Guard, g.Key.ReasonCode, g.Count(), g.Select(s => s.Decision.CustomerId).Distinct(StringComparer.Ordinal).Count()))
            .ToList();

        var totals = new ReportTotals(
            sends.Count,
            sends.Select(s => s.Decision.CustomerId).Distinct(StringComparer.Ordinal).Count(),
            sends.Sum(s => s.Decision.CostFen),
            suppressions.Count,
            holdouts.Count,
            campaigns.Count);
        // The overall outcome compares like with like: only campaigns that hold customers out have a
        // holdout to compare their sends with (service messages such as logistics care have none).
        var withHoldout = campaigns.Where(c => c.HasHoldout).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var comparable = sends.Where(s => withHoldout.Contains(s.Decision.Campaign)).ToList();
        return new DryRunReport(from, to, windowDays, totals, byCampaign, rules, channels, perDay, reasons, Compare(comparable, holdouts));
    }

    internal static bool IsHoldout(Decision d) => d.Suppression?.Guard == "holdout";

    private static Outcome Compare(IReadOnlyCollection<(Decision Decision, PurchaseOutcome Outcome)> sent, IReadOnlyCollection<(Decision Decision, PurchaseOutcome Outcome)> held)
        => OutcomeStatistics.Compare(
            OutcomeStatistics.Group(sent.Count, sent.Count(s => s.Outcome.Converted), sent.Sum(s => s.Outcome.RevenueFen)),
            OutcomeStatistics.Group(held.Count, held.Count(s => s.Outcome.Converted), held.Sum(s => s.Outcome.RevenueFen)));

    /// <summary>The budget for the replayed period: the daily budget times the days, capped by the total.</summary>
    private static long? BudgetFen(CampaignInfo c, int days)
    {
        decimal? budget = c.DailyBudget is { } daily ? daily * days : null;
        if (c.TotalBudget is { } total)
        {
            budget = budget is { } b ? Math.Min(b, total) : total;
        }

        return budget is { } yuan ? (long)Math.Round(yuan * 100m, MidpointRounding.AwayFromZero) : null;
    }

    private static IEnumerable<Decision> Sorted(IEnumerable<Decision> decisions)
        => decisions.OrderBy(d => d.SendAt.UtcTicks)
            .ThenBy(d => d.Campaign, StringComparer.Ordinal)
            .ThenBy(d => d.Rule, StringComparer.Ordinal)
            .ThenBy(d => d.CustomerId, StringComparer.Ordinal)
            .ThenBy(d => d.Occurrence, StringComparer.Ordinal)
            .ThenBy(d => d.DecidedAt.UtcTicks)
            .ThenBy(d => d.Suppression?.ReasonCode ?? "", StringComparer.Ordinal);
}
