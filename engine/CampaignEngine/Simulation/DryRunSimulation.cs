using CampaignEngine.Campaigns;
using CampaignEngine.Evaluation;
using CampaignEngine.Facts;
using CampaignEngine.Orders;
using CampaignEngine.Reports;
using CampaignEngine.State;

namespace CampaignEngine.Simulation;

/// <summary>
/// The dry-run: replays a period day by day through the real <see cref="CampaignEvaluator"/>, at each
/// moment of <see cref="ReplayMoments"/>, in time order. The evaluator keeps its facts as of each moment
/// (advancing them incrementally from day to day) and records every simulated send in an in-memory
/// contact history, so caps, <c>contacts_in</c>, budgets and tags behave as they would live. Nothing is
/// sent and no channel plugin is called: costs are the evaluator's estimates.
/// </summary>
internal sealed class DryRunSimulation(CampaignSet<FactTable> campaigns, OrderHistory history)
{
    /// <summary>
    /// How often, within a day, customer events (shipped, signed, birthdays …) are swept up: an event is
    /// decided at the first sweep or scheduled moment after it. The evaluator steps its facts forward from
    /// sweep to sweep (only customers with new events are recomputed), so hourly sweeps are cheap.
    /// </summary>
    public TimeSpan EventStep { get; init; } = TimeSpan.FromHours(1);

    /// <summary>When set, the evaluator records where its time goes.</summary>
    public EvaluationTimings? Timings { get; init; }

    /// <summary>
    /// Replays the period; with <paramref name="csv"/>, every decision is also written to sends.csv /
    /// suppressed.csv, and handed to <paramref name="decided"/> (tests look at them there) as it is made.
    /// The report (outcomes, tallies, CSV rows) is done on a <see cref="ReportThread"/> beside the
    /// evaluator; the builder is returned once it has every decision.
    /// </summary>
    public ReportBuilder Run(DryRunPeriod period, int windowDays, Action<DryRunProgress>? progress = null, ReportCsv? csv = null, Action<Decision>? decided = null)
    {
        var zone = campaigns.Config.TimeZone;
        var outcomes = new PurchasesAfter(history, zone, windowDays);
        var builder = new ReportBuilder(period.From, period.To, windowDays, zone,
            [.. campaigns.Campaigns.Where(c => c.Enabled).Select(c => new CampaignInfo(c.Id, c.Name, c.Limits.Budget?.Daily, c.Limits.Budget?.Total, c.HoldoutPercent > 0))],
            outcomes.Of,
            history.FindCustomer,
            csv);
        var moments = new ReplayMoments(campaigns.Campaigns, zone, EventStep);
        var periodStart = Campaigns.Schedules.ShopTime.ToMoment(period.From, TimeOnly.MinValue, zone);
        using var report = new ReportThread(builder);
        var sink = new Sink(report, decided);
        CampaignEvaluator? evaluator = null;
        for (var day = period.From; day <= period.To; day = day.AddDays(1))
        {
            foreach (var moment in moments.Of(day))
            {
                // The first call looks back to the period's first midnight, so events of the first day count.
                evaluator ??= new CampaignEvaluator(campaigns.Campaigns, campaigns.Config, history, new SimulatedContactHistory(history))
                {
                    EventLookback = moment > periodStart ? moment - periodStart : TimeSpan.FromTicks(1),
                    Timings = Timings,
                };
                evaluator.Evaluate(moment, sink);
            }

            progress?.Invoke(new DryRunProgress(day, day.DayNumber - period.From.DayNumber + 1, period.Days, sink.Sends, sink.Suppressed));
        }

        report.Complete();
        var (busy, reported) = report.Work;
        Timings?.Add(EvaluationPhase.ReportThread, busy, reported);
        return builder;
    }

    /// <summary>
    /// Hands each decision to the report thread and counts it for the progress line: the counts are what
    /// the evaluator decided, not what the report thread has added up so far (it may be a few batches
    /// behind), so the figures a day shows are that day's. Tests that ask for the decisions get objects.
    /// </summary>
    private sealed class Sink(ReportThread report, Action<Decision>? decided) : IDecisionSink
    {
        public int Sends { get; private set; }

        public int Suppressed { get; private set; }

        public void Add(in DecisionValue decision)
        {
            report.Add(decision);
            if (decision.IsSend)
            {
                Sends++;
            }
            else
            {
                Suppressed++;
            }

            decided?.Invoke(decision.ToDecision());
        }
    }
}
