namespace CampaignEngine.State;

/// <summary>
/// The contact history of a simulation: every (simulated) send, per customer in time order, so caps and
/// <c>last_contact_days</c> behave as they would live. Idempotency keys make a second record a no-op.
/// </summary>
internal sealed class InMemoryContactHistory : IContactHistory
{
    private readonly Dictionary<string, List<Contact>> byCustomer = new(StringComparer.Ordinal);
    private readonly HashSet<string> keys = new(StringComparer.Ordinal);

    public bool Record(Contact contact)
    {
        if (!keys.Add(contact.IdempotencyKey))
        {
            return false;
        }

        if (!byCustomer.TryGetValue(contact.CustomerId, out var contacts))
        {
            byCustomer[contact.CustomerId] = contacts = [];
        }

        // Sends arrive almost always in time order; insert in place when one does not.
        var index = contacts.Count;
        while (index > 0 && contacts[index - 1].At > contact.At)
        {
            index--;
        }

        contacts.Insert(index, contact);
        return true;
    }

    public bool Contains(string idempotencyKey) => keys.Contains(idempotencyKey);

    public IReadOnlyList<Contact> ContactsOf(string customerId, DateTimeOffset from, DateTimeOffset before)
    {
        if (!byCustomer.TryGetValue(customerId, out var contacts))
        {
            return [];
        }

        // Sorted by time: binary-search the start, then take while inside the window.
        int lo = 0, hi = contacts.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (contacts[mid].At < from) lo = mid + 1; else hi = mid;
        }

        var result = new List<Contact>();
        for (var i = lo; i < contacts.Count && contacts[i].At < before; i++)
        {
            result.Add(contacts[i]);
        }

        return result;
    }

    public IEnumerable<Contact> ContactsSince(DateTimeOffset from) => byCustomer.Values.SelectMany(c => c).Where(c => c.At >= from);
}
