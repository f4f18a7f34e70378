namespace CampaignEngine.State;

/// <summary>The live run's contact history: the <c>contacts</c> table of the state file, written when a message becomes sent.</summary>
internal sealed class SqliteContactHistory(SqliteStateStore store) : IContactHistory
{
    public bool Record(Contact contact) => store.RecordContact(contact);

    public bool Contains(string idempotencyKey) => store.ContainsContact(idempotencyKey);

    public IReadOnlyList<Contact> ContactsOf(string customerId, DateTimeOffset from, DateTimeOffset before) => store.ContactsOf(customerId, from, before);

    public IEnumerable<Contact> ContactsSince(DateTimeOffset from) => store.ContactsSince(from);
}
