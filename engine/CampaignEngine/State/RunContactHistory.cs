namespace CampaignEngine.State;

/// <summary>
/// The contact history one live run's evaluator sees: what was really sent (the state file) plus what this run
/// has decided so far, so a later campaign's caps count an earlier campaign's send of the same run. The
/// decisions are kept in memory only: the state file's <c>contacts</c> are written when a message becomes
/// sent, in the same transaction — so the history never claims a message that did not go out.
/// </summary>
internal sealed class RunContactHistory(IContactHistory sent) : IContactHistory
{
    private readonly InMemoryContactHistory decided = new();

    public bool Record(Contact contact) => !sent.Contains(contact.IdempotencyKey) && decided.Record(contact);

    public bool Contains(string idempotencyKey) => sent.Contains(idempotencyKey) || decided.Contains(idempotencyKey);

    public IReadOnlyList<Contact> ContactsOf(string customerId, DateTimeOffset from, DateTimeOffset before) =>
        [.. sent.ContactsOf(customerId, from, before).Concat(decided.ContactsOf(customerId, from, before))
            .DistinctBy(c => c.IdempotencyKey).OrderBy(c => c.At)];

    public IEnumerable<Contact> ContactsSince(DateTimeOffset from) => sent.ContactsSince(from).Concat(decided.ContactsSince(from)).DistinctBy(c => c.IdempotencyKey);
}
