using CampaignEngine.Campaigns.Limits;
using CampaignEngine.Evaluation;
using CampaignEngine.State;

namespace CampaignEngine.Outbox;

/// <summary>
/// Where a live run's decisions go: sends into the outbox, suppressions into the run log, tag and level
/// changes into the customer tags — in batches, one transaction each, so thousands of decisions cost a
/// handful of disk syncs. A send whose key is already in the outbox (a re-run, a restart after a crash) is
/// not written again. A customer who opted out in the state file (an import, an SMS reply) is suppressed here.
/// </summary>
internal sealed class OutboxWriter(IStateStore store, string runId, Func<string, QuietHours?> quietHoursOf, TimeProvider time, int batchSize = 1000)
{
    private readonly List<OutboxEntry> sends = [];
    private readonly List<RunLogEntry> log = [];

    public int Sends { get; private set; }

    /// <summary>Sends new to the outbox (not there from an earlier run).</summary>
    public int Written { get; private set; }

    public int Suppressed { get; private set; }

    public void Add(Decision decision)
    {
        if (OutboxEntry.From(decision, quietHoursOf(decision.Campaign)) is { } entry)
        {
            if (store.IsOptedOut(entry.CustomerId, entry.Message.Address, entry.Channel))
            {
                Suppress(decision.IdempotencyKey, "opt_out/state: the customer opted out (import or SMS reply)");
                return;
            }

            Sends++;
            sends.Add(entry);
            if (sends.Count >= batchSize)
            {
                FlushSends();
            }

            return;
        }

        var suppression = decision.Suppression;
        Suppress(decision.IdempotencyKey, suppression is null ? "no channel or message" : $"{suppression.Guard}/{suppression.ReasonCode}: {suppression.Reason}");
    }

    public void Change(CustomerChange change)
    {
        var (tag, value) = change.Kind switch
        {
            CustomerChangeKind.SetLevel => ("level", change.Value),
            CustomerChangeKind.Untag => (change.Value, "false"),
            _ => (change.Value, "true"),
        };
        store.SetTag(change.CustomerId, tag, value, $"{change.Campaign}/{change.Rule}", change.At);
    }

    public void Note(string kind, string detail) => log.Add(new RunLogEntry(runId, time.GetUtcNow(), kind, null, detail));

    public void Flush()
    {
        FlushSends();
        if (log.Count > 0)
        {
            store.Log(log);
            log.Clear();
        }
    }

    private void Suppress(string key, string detail)
    {
        Suppressed++;
        log.Add(new RunLogEntry(runId, time.GetUtcNow(), "suppressed", key, detail));
        if (log.Count >= batchSize)
        {
            store.Log(log);
            log.Clear();
        }
    }

    private void FlushSends()
    {
        if (sends.Count > 0)
        {
            Written += store.Enqueue(sends, time.GetUtcNow());
            sends.Clear();
        }
    }
}
