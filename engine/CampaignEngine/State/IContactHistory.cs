namespace CampaignEngine.State;

/// <summary>One message that went out (or, in a simulation, would have).</summary>
public sealed record Contact(string Campaign, string Rule, string CustomerId, string Channel, DateTimeOffset At, string IdempotencyKey)
{
    /// <summary>The customer's order-history row when the sender knows it (−1 otherwise): a hint that lets an in-memory store skip the look-up by id.</summary>
    internal int CustomerRow { get; init; } = -1;
}

/// <summary>
/// Who got what, when: the one interface behind frequency caps, <c>last_contact_days</c> and
/// <c>contacts_in(30d)</c>. In memory for the dry-run (simulated sends count like real ones), SQLite for live runs,
/// PostgreSQL for the cluster mode.
/// </summary>
public interface IContactHistory
{
    /// <summary>Records a contact; recording the same idempotency key twice is a no-op and returns false.</summary>
    bool Record(Contact contact);

    /// <summary>Whether a message with this key was already recorded.</summary>
    bool Contains(string idempotencyKey);

    /// <summary>Whether this customer already got the message with this key (what the evaluator asks: a store may look only at the customer's own contacts). <paramref name="customerRow"/>: the order-history row when known, a hint.</summary>
    bool WasSent(string customerId, string idempotencyKey, int customerRow = -1) => Contains(idempotencyKey);

    /// <summary>How many contacts the customer had with <paramref name="from"/> ≤ At &lt; <paramref name="before"/>, of one campaign when given: what frequency caps ask, without building the list.</summary>
    int CountContacts(string customerId, DateTimeOffset from, DateTimeOffset before, string? campaign = null, int customerRow = -1)
    {
        var count = 0;
        foreach (var contact in ContactsOf(customerId, from, before))
        {
            if (campaign is null || contact.Campaign == campaign)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The customer's contacts with <paramref name="from"/> ≤ At &lt; <paramref name="before"/>, oldest first.</summary>
    IReadOnlyList<Contact> ContactsOf(string customerId, DateTimeOffset from, DateTimeOffset before);

    /// <summary>
    /// Every contact with At ≥ <paramref name="from"/>, in any order: read once when an evaluator starts, to
    /// build the per-customer index behind <c>last_contact_days</c> and <c>contacts_in</c>. A store that
    /// keeps contacts across runs must override it; the default (nothing recorded before) suits a store
    /// that only holds the current run's sends.
    /// </summary>
    IEnumerable<Contact> ContactsSince(DateTimeOffset from) => [];
}
