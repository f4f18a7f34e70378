using CampaignEngine.Campaigns;
using CampaignEngine.Dispatch;
using CampaignEngine.Evaluation;
using CampaignEngine.Facts;
using CampaignEngine.Orders;
using CampaignEngine.State;

namespace CampaignEngine.Outbox;

/// <summary>
/// What <c>campaign serve</c> does on each tick: evaluate the campaigns (the evaluator remembers how far each
/// campaign was evaluated, so a schedule's due moment or a customer event between two ticks is caught exactly
/// once), write the decisions to the outbox, and dispatch what is due. The clock is a <see cref="TimeProvider"/>
/// and <see cref="TickAsync"/> takes the moment, so tests drive days of schedules in milliseconds.
/// Campaigns are swapped with <see cref="Use"/> (a reload); messages already decided stay in the outbox, and
/// idempotency keys keep a re-evaluation of today from sending anything twice.
/// </summary>
internal sealed class LiveScheduler(IStateStore store, OrderHistory history, Dispatcher dispatcher, TextWriter log)
{
    private CampaignSet<FactTable>? campaigns;
    private CampaignEvaluator? evaluator;
    private Dictionary<string, Campaigns.Limits.QuietHours?> quiet = [];
    private int ticks;

    public long Decided { get; private set; }

    public long Written { get; private set; }

    public long Suppressed { get; private set; }

    public DateTimeOffset? LastEvaluation { get; private set; }

    public DispatchCounters Dispatched => dispatcher.Counters;

    /// <summary>Starts using a (new) set of campaigns from the next tick on.</summary>
    public void Use(CampaignSet<FactTable> set)
    {
        campaigns = set;
        quiet = set.Campaigns.ToDictionary(c => c.Id, c => c.Limits.QuietHours, StringComparer.Ordinal);
        evaluator = new CampaignEvaluator(set.Campaigns, set.Config, history, new RunContactHistory(store.Contacts));
    }

    /// <summary>Evaluates at <paramref name="moment"/> (when <paramref name="evaluate"/>) and dispatches what is due.</summary>
    public async Task TickAsync(DateTimeOffset moment, bool evaluate, TimeProvider time, CancellationToken stopping)
    {
        ticks++;
        if (evaluate && evaluator is not null && (LastEvaluation is null || moment > LastEvaluation))
        {
            var writer = new OutboxWriter(store, $"serve-{moment:yyyyMMddTHHmmss}", campaign => quiet.GetValueOrDefault(campaign), time);
            evaluator.Evaluate(moment, writer.Add, writer.Change);
            if (writer.Sends + writer.Suppressed > 0)
            {
                writer.Note("evaluated", $"{writer.Sends} send(s), {writer.Suppressed} suppressed at {moment:O}");
            }

            writer.Flush();
            if (writer.Sends + writer.Suppressed > 0)
            {
                log.WriteLine($"{moment:yyyy-MM-dd HH:mm:ss zzz} evaluated: {writer.Sends} send(s) ({writer.Written} new), {writer.Suppressed} suppressed");
            }

            Decided += writer.Sends;
            Written += writer.Written;
            Suppressed += writer.Suppressed;
            LastEvaluation = moment;
        }

        await dispatcher.DispatchDueAsync(stopping).ConfigureAwait(false);
    }

    /// <summary>The health line: campaigns in force, what was decided and sent, and the outbox as it stands.</summary>
    public string Health()
    {
        var counts = store.Counts();
        return $"health: {campaigns?.Campaigns.Count ?? 0} campaign(s), {ticks} tick(s), decided {Decided} ({Written} new), suppressed {Suppressed}; " +
            $"dispatch: {dispatcher.Counters}; outbox: pending {counts.Pending}, in_flight {counts.InFlight}, failed {counts.Failed}, dead {counts.Dead}, sent {counts.Sent}";
    }
}
