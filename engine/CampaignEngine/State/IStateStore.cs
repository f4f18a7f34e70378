using CampaignEngine.Outbox;

namespace CampaignEngine.State;

/// <summary>
/// Everything a live engine must not forget: the outbox, who was contacted, opt-outs, tags set by actions,
/// budget spent and the run log. SQLite (<see cref="SqliteStateStore"/>) for one machine; the interface is what a
/// PostgreSQL store for the cluster mode implements. Every method is one transaction; implementations are
/// safe to call from several dispatch workers.
/// </summary>
internal interface IStateStore : IDisposable
{
    /// <summary>Writes the entries in one transaction; a key already in the outbox is not written again. Returns how many were new.</summary>
    int Enqueue(IReadOnlyList<OutboxEntry> entries, DateTimeOffset now);

    /// <summary>After a crash: messages left in flight have an unknown outcome and become pending again, to be re-sent with the same key.</summary>
    int RequeueInFlight(DateTimeOffset now);

    /// <summary>Moves up to <paramref name="limit"/> due messages (pending or failed, next attempt ≤ now) to in-flight, counting an attempt.</summary>
    IReadOnlyList<OutboxMessage> Claim(DateTimeOffset now, int limit);

    /// <summary>Puts a claimed message back to pending until <paramref name="until"/> without counting the attempt (quiet hours, rate limit).</summary>
    void Defer(long id, DateTimeOffset until, string why, DateTimeOffset now);

    /// <summary>The provider accepted it: sent, with the contact recorded and the budget charged in the same transaction.</summary>
    void MarkSent(long id, string providerMessageId, DateTimeOffset now, DateOnly budgetDay);

    /// <summary>A transient failure: retried at <paramref name="nextAttemptAt"/>.</summary>
    void MarkFailed(long id, string reason, DateTimeOffset nextAttemptAt, DateTimeOffset now);

    /// <summary>Rejected for good or out of retries.</summary>
    void MarkDead(long id, string reason, DateTimeOffset now);

    /// <summary>Several outcomes in one transaction: one disk sync for all the sends that finished together.</summary>
    void Complete(IReadOnlyList<OutboxOutcome> outcomes);

    /// <summary>Not to be sent (opted out since the decision, or an operator's cancel).</summary>
    bool Cancel(long id, string reason, DateTimeOffset now);

    int CancelDead(string reason, DateTimeOffset now);

    /// <summary>Dead messages become pending again with a fresh count of attempts.</summary>
    int RetryDead(DateTimeOffset now);

    OutboxCounts Counts();

    IReadOnlyList<OutboxMessage> List(OutboxStatus status, int limit);

    /// <summary>The earliest moment a pending or failed message becomes due, or null when none waits.</summary>
    DateTimeOffset? NextDue();

    IContactHistory Contacts { get; }

    /// <summary>Whether the customer — by id, or by the address (phone, email) an opt-out arrived from — opted out of the channel or of all.</summary>
    bool IsOptedOut(string customerId, string address, string channel);

    int AddOptOuts(IEnumerable<ChannelOptOut> optOuts);

    void SetTag(string customerId, string tag, string value, string setBy, DateTimeOffset at);

    IReadOnlyDictionary<string, string> TagsOf(string customerId);

    long BudgetSpent(string campaign, DateOnly day);

    void Log(IReadOnlyList<RunLogEntry> entries);
}
