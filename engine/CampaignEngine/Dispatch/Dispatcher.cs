using CampaignEngine.Dispatch.Delivery;
using CampaignEngine.Guards;
using CampaignEngine.Outbox;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.State;

namespace CampaignEngine.Dispatch;

/// <summary>
/// Sends what the outbox holds. Each message is claimed (in-flight, attempt counted, committed) before the
/// channel is called, and its outcome is committed after: sent (with the contact and the budget charge in the
/// same transaction), failed with the moment of the next attempt, or dead with the reason. A crash between the
/// two leaves it in-flight; <see cref="Recover"/> makes it pending again and it is re-sent with the same
/// idempotency key — exactly once toward a provider that honours the key, at least once toward one that does not.
/// </summary>
internal sealed class Dispatcher : IDisposable
{
    private readonly IStateStore store;
    private readonly IReadOnlyDictionary<string, IChannel> channels;
    private readonly DispatcherOptions options;
    private readonly TimeProvider time;
    private readonly Dictionary<string, ChannelPace> paces = new(StringComparer.OrdinalIgnoreCase);
    private readonly Random jitter;
    private readonly Lock gate = new();
    private readonly Lock queueGate = new();
    private readonly Lock commitGate = new();
    private List<OutboxOutcome> queued = [];
    private long queuedCount;
    private long committedCount;

    public Dispatcher(IStateStore store, IReadOnlyDictionary<string, IChannel> channels, DispatcherOptions options, TimeProvider time)
    {
        this.store = store;
        this.channels = channels;
        this.options = options;
        this.time = time;
        jitter = new Random(options.Seed);
    }

    public DispatchCounters Counters { get; } = new();

    /// <summary>Run once at start: messages a previous process left in flight are sent again (same key).</summary>
    public int Recover() => store.RequeueInFlight(time.GetUtcNow());

    /// <summary>Sends every message due now, batch by batch, until none is due; returns how many were handled.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken stopping)
    {
        var handled = 0;
        while (!stopping.IsCancellationRequested)
        {
            var batch = store.Claim(time.GetUtcNow(), options.BatchSize);
            if (batch.Count == 0)
            {
                break;
            }

            // Once claimed, a batch is finished even when stopping is requested: abandoning it would only
            // leave messages in flight for the next start to re-send.
            await Task.WhenAll(batch.Select(message => HandleAsync(message))).ConfigureAwait(false);
            handled += batch.Count;
        }

        return handled;
    }

    private async Task HandleAsync(OutboxMessage message)
    {
        var entry = message.Entry;
        var now = time.GetUtcNow();
        if (store.IsOptedOut(entry.CustomerId, entry.Message.Address, entry.Channel))
        {
            store.Cancel(message.Id, "the customer opted out after the decision", now);
            Counters.CountCancelled();
            return;
        }

        var allowedAt = QuietHoursGuard.SendAt(now, entry.Quiet, options.Zone);
        if (allowedAt > now)
        {
            store.Defer(message.Id, allowedAt, $"quiet hours {entry.Quiet!.Text}: deferred", now);
            Counters.CountDeferred();
            return;
        }

        if (!channels.TryGetValue(entry.Channel, out var channel))
        {
            Fail(message, new SendOutcome(SendStatus.Failed, Reason: $"no channel '{entry.Channel}' is configured in engine.yaml"));
            return;
        }

        SendOutcome outcome;
        using (await Pace(entry.Channel).EnterAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                outcome = await channel.SendAsync(message.ToChannelMessage(), CancellationToken.None).ConfigureAwait(false)
                    ?? SendOutcome.Failed("the channel returned no outcome");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A bare IChannel may throw; the guarded plugin channels never do.
                outcome = SendOutcome.Failed($"the channel threw {e.GetType().Name}: {e.Message}");
            }
        }

        var done = time.GetUtcNow();
        switch (outcome.Status)
        {
            case SendStatus.Accepted when !string.IsNullOrWhiteSpace(outcome.ProviderMessageId):
                Record(new SentOutcome(message.Id, outcome.ProviderMessageId, done, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(done, options.Zone).DateTime)));
                Counters.CountSent();
                break;
            case SendStatus.Accepted:
                Fail(message, SendOutcome.Failed("the provider accepted without a message id"));
                break;
            case SendStatus.Rejected:
                Record(new DeadOutcome(message.Id, $"rejected: {outcome.Reason ?? "no reason given"}", done));
                Counters.CountDead();
                break;
            default:
                Fail(message, outcome);
                break;
        }
    }

    private void Fail(OutboxMessage message, SendOutcome outcome)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? next;
        lock (gate)
        {
            next = options.RetriesOf(message.Entry.Channel).Next(message.Attempts, now, outcome.RetryAfter, jitter);
        }

        var reason = outcome.Reason ?? "failed without a reason";
        if (next is null)
        {
            Record(new DeadOutcome(message.Id, $"gave up after {message.Attempts} attempts: {reason}", now));
            Counters.CountDead();
        }
        else
        {
            Record(new FailedOutcome(message.Id, reason, next.Value, now));
            Counters.CountFailed();
        }
    }

    /// <summary>
    /// Group commit: the outcome waits for a transaction that also carries the outcomes finished meanwhile,
    /// so eight sends finishing together cost one disk sync, not eight. Returns once this outcome is on disk.
    /// A commit that fails (full disk) leaves its messages in flight: the next start re-sends them with their keys.
    /// </summary>
    private void Record(OutboxOutcome outcome)
    {
        long mine;
        lock (queueGate)
        {
            queued.Add(outcome);
            mine = ++queuedCount;
        }

        lock (commitGate)
        {
            if (Interlocked.Read(ref committedCount) >= mine)
            {
                return;
            }

            List<OutboxOutcome> batch;
            long upTo;
            lock (queueGate)
            {
                batch = queued;
                queued = [];
                upTo = queuedCount;
            }

            store.Complete(batch);
            Interlocked.Exchange(ref committedCount, upTo);
        }
    }

    private ChannelPace Pace(string channel)
    {
        lock (gate)
        {
            if (!paces.TryGetValue(channel, out var pace))
            {
                pace = new ChannelPace(options.LimitsOf(channel), time);
                paces[channel] = pace;
            }

            return pace;
        }
    }

    public void Dispose()
    {
        foreach (var pace in paces.Values)
        {
            pace.Dispose();
        }
    }
}
