using CampaignEngine.Evaluation;

namespace CampaignEngine.Reports;

/// <summary>What the report needs to know of a campaign besides its decisions: its name, budget and whether it holds customers out.</summary>
internal sealed record CampaignInfo(string Id, string Name, decimal? DailyBudget, decimal? TotalBudget, bool HasHoldout = true);

/// <summary>A customer's purchases after a moment: converted within the window, and the revenue paid in it.</summary>
internal readonly record struct PurchaseOutcome(bool Converted, long RevenueFen);

/// <summary>
/// Takes a dry-run's decisions one at a time as the evaluator makes them — each send and holdout gets its
/// outcome at once, the figures are added up, and the row goes straight to sends.csv or suppressed.csv —
/// so a year over a million customers never holds its decisions in memory. Rows come in the evaluator's
/// order (time, then campaign priority, then customer), which is the same on every run with the same
/// inputs; every list in the report is sorted, so it does not depend on the order at all. One thread
/// adds (in the dry-run, its <see cref="Simulation.ReportThread"/>); nothing here is locked.
/// </summary>
internal sealed class ReportBuilder(
    DateOnly from,
    DateOnly to,
    int windowDays,
    TimeZoneInfo shopZone,
    IReadOnlyList<CampaignInfo> campaigns,
    Func<int, DateTimeOffset, PurchaseOutcome> outcomeAfter,
    Func<string, int> customerRow,
    ReportCsv? csv = null)
{
    private readonly Dictionary<string, Tally> _campaigns = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Campaign, string Rule), Tally> _rules = [];
    private readonly Dictionary<string, ChannelCount> _channels = new(StringComparer.Ordinal);
    private readonly DayCounts _days = new(from, to);
    private readonly Dictionary<(string Guard, string Code), Tally> _reasons = [];
    private readonly Tally _all = new();
    // Decisions come in runs of one campaign and rule, a few moments and a few shared reasons: look each up once per run.
    private (string Campaign, string Rule, Tally CampaignTally, Tally RuleTally)? _lastRule;
    private (Suppression Reason, Tally Tally)? _lastReason;
    private (string? Channel, ChannelCount Count)? _lastChannel;
    private readonly MomentMemo<DateOnly> _shopDays = new();

    public int SendCount => _all.Sends;

    public int SuppressedCount => _all.Suppressed;

    internal DateOnly DayOf(DateTimeOffset moment)
        => _shopDays.TryGet(moment, out var day) ? day : _shopDays.Remember(moment, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, shopZone).DateTime));

    public void Add(Decision d) => Add(DecisionValue.Of(d));

    public void Add(in DecisionValue d)
    {
        var row = d.CustomerRow >= 0 ? d.CustomerRow : customerRow(d.CustomerId);
        if (_lastRule is not { } last || !ReferenceEquals(last.Campaign, d.Campaign) || !ReferenceEquals(last.Rule, d.Rule))
        {
            _lastRule = last = (d.Campaign, d.Rule, Of(_campaigns, d.Campaign), Of(_rules, (d.Campaign, d.Rule)));
        }

        var (campaign, rule) = (last.CampaignTally, last.RuleTally);
        if (d.IsSend)
        {
            var outcome = outcomeAfter(row, d.SendAt);
            _all.Send(row, d.CostFen, outcome);
            campaign.Send(row, d.CostFen, outcome);
            rule.Send(row, d.CostFen, outcome);

            // A rule's sends share its channel's string: look it up once per run of them.
            if (_lastChannel is not { } channel || !ReferenceEquals(channel.Channel, d.Channel))
            {
                _lastChannel = channel = (d.Channel, ChannelOf(d.Channel ?? ""));
            }

            channel.Count.Sends++;
            channel.Count.CostFen += d.CostFen;
            _days.Send(DayOf(d.SendAt), d.CostFen);
            csv?.Send(this, d, outcome);
            return;
        }

        PurchaseOutcome? held = IsHoldout(d) ? outcomeAfter(row, d.SendAt) : null;
        _all.Suppress(row, held);
        campaign.Suppress(row, held);
        rule.Suppress(row, held);
        if (_lastReason is not { } reason || !ReferenceEquals(reason.Reason, d.Suppression))
        {
            _lastReason = reason = (d.Suppression!, Of(_reasons, (d.Suppression!.Guard, d.Suppression.ReasonCode)));
        }

        reason.Tally.Suppress(row, held);

        _days.Suppress(DayOf(d.DecidedAt));
        csv?.Suppressed(this, d, held);
    }

    public DryRunReport Build()
    {
        var days = to.DayNumber - from.DayNumber + 1;
        var byCampaign = campaigns.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c =>
        {
            var t = _campaigns.GetValueOrDefault(c.Id) ?? new Tally();
            return new CampaignSummary(c.Id, c.Name, t.Sends, t.Reached.Count, t.CostFen, BudgetFen(c, days), t.Suppressed, t.Held.Messages, t.Outcome());
        }).ToList();

        var rules = _rules.OrderBy(r => r.Key.Campaign, StringComparer.Ordinal).ThenBy(r => r.Key.Rule, StringComparer.Ordinal)
            .Select(r => new RuleSummary(r.Key.Campaign, r.Key.Rule, r.Value.Sends, r.Value.Reached.Count, r.Value.CostFen, r.Value.Suppressed)).ToList();

        var channels = _channels.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new ChannelSummary(c.Key, c.Value.Sends, c.Value.CostFen)).ToList();

        var perDay = _days.Summaries();

        var reasons = _reasons.OrderBy(r => r.Key.Guard, StringComparer.Ordinal).ThenBy(r => r.Key.Code, StringComparer.Ordinal)
            .Select(r => new SuppressionSummary(r.Key.Guard, r.Key.Code, r.Value.Suppressed, r.Value.SuppressedCustomers.Count)).ToList();

        var totals = new ReportTotals(_all.Sends, _all.Reached.Count, _all.CostFen, _all.Suppressed, _all.Held.Messages, campaigns.Count);

        // The overall outcome compares like with like: only campaigns that hold customers out have a
        // holdout to compare their sends with (service messages such as logistics care have none).
        var comparable = new Group();
        foreach (var c in campaigns.Where(c => c.HasHoldout))
        {
            if (_campaigns.TryGetValue(c.Id, out var t))
            {
                comparable.Add(t.Sent);
            }
        }

        return new DryRunReport(from, to, windowDays, totals, byCampaign, rules, channels, perDay, reasons,
            OutcomeStatistics.Compare(comparable.ToOutcome(), _all.Held.ToOutcome()));
    }

    internal static bool IsHoldout(in DecisionValue d) => d.Suppression?.Guard == "holdout";

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

    private ChannelCount ChannelOf(string channel)
    {
        if (!_channels.TryGetValue(channel, out var count))
        {
            _channels[channel] = count = new ChannelCount();
        }

        return count;
    }

    private static Tally Of<TKey>(Dictionary<TKey, Tally> tallies, TKey key)
        where TKey : notnull
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tallies[key] = tally = new Tally();
        }

        return tally;
    }

    /// <summary>Sends and cost of one channel.</summary>
    private sealed class ChannelCount
    {
        public int Sends;
        public long CostFen;
    }

    /// <summary>Running figures of one campaign, rule, reason or the whole run.</summary>
    private sealed class Tally
    {
        public int Sends { get; private set; }

        public long CostFen { get; private set; }

        public int Suppressed { get; private set; }

        public CustomerSet Reached { get; } = new();

        public CustomerSet SuppressedCustomers { get; } = new();

        public Group Sent { get; } = new();

        public Group Held { get; } = new();

        public void Send(int row, long costFen, PurchaseOutcome outcome)
        {
            Sends++;
            CostFen += costFen;
            Reached.Add(row);
            Sent.Add(outcome);
        }

        public void Suppress(int row, PurchaseOutcome? held)
        {
            Suppressed++;
            SuppressedCustomers.Add(row);
            if (held is { } outcome)
            {
                Held.Add(outcome);
            }
        }

        public Outcome Outcome() => OutcomeStatistics.Compare(Sent.ToOutcome(), Held.ToOutcome());
    }

    /// <summary>Messages, conversions and revenue of the sent or the holdout group.</summary>
    private sealed class Group
    {
        public int Messages { get; private set; }

        private int _converted;
        private long _revenueFen;

        public void Add(PurchaseOutcome outcome)
        {
            Messages++;
            _converted += outcome.Converted ? 1 : 0;
            _revenueFen += outcome.RevenueFen;
        }

        public void Add(Group other)
        {
            Messages += other.Messages;
            _converted += other._converted;
            _revenueFen += other._revenueFen;
        }

        public GroupOutcome ToOutcome() => OutcomeStatistics.Group(Messages, _converted, _revenueFen);
    }
}
