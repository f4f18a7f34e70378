using System.Runtime.CompilerServices;
using CampaignEngine.Evaluation;
using CampaignEngine.Orders;

namespace CampaignEngine.State;

/// <summary>
/// The dry-run's contact history, built to hold a year of simulated sends to a million customers (tens of
/// millions of contacts): one 16-byte entry per send in a per-customer array sorted by time — no object and
/// no key string per send, and a customer's contacts sit together in memory, so the caps (which look back a
/// few weeks from the end) and the idempotency check read a cache line or two. Customers are found by their
/// order-history row when the caller knows it (the evaluator does): a look-up by id in a million-entry
/// dictionary misses the cache several times and was the dry-run's largest single cost. Campaign and
/// (rule, channel) are stored as small ids (they are few); the idempotency key is kept as 40 bits of its
/// hash, compared only among the customer's own contacts, so two of one customer's keys would have to
/// collide for a send to be taken for a repeat. <see cref="ContactsOf"/> therefore returns contacts whose
/// <see cref="Contact.IdempotencyKey"/> is that hash in hex (<c>xxh64:…</c>, the low 24 bits zero), not the
/// original key; nothing in a dry-run reads it.
/// </summary>
internal sealed class SimulatedContactHistory(OrderHistory? history = null) : IContactHistory
{
    private const int MaxIds = 1 << 12;

    private readonly int _rows = history?.CustomerCount ?? 0;
    // Customers the history does not know get slots after its rows.
    private readonly Dictionary<string, int> _otherSlots = new(StringComparer.Ordinal);
    private string?[] _customers = new string?[history?.CustomerCount ?? 0];
    private Entry[]?[] _entries = new Entry[]?[history?.CustomerCount ?? 0];
    private int[] _counts = new int[history?.CustomerCount ?? 0];
    private readonly Dictionary<string, int> _campaignIds = new(StringComparer.Ordinal);
    private readonly List<string> _campaigns = [];
    private readonly Dictionary<(string Rule, string Channel), int> _sourceIds = [];
    private readonly List<(string Rule, string Channel)> _sources = [];

    public bool Record(Contact contact)
    {
        var slot = SlotOf(contact.CustomerId, contact.CustomerRow, create: true);
        return Insert(slot, contact.CustomerId, contact.At.UtcTicks, KeyHash(slot, contact.CustomerId, contact.IdempotencyKey),
            CampaignId(contact.Campaign), SourceId(contact.Rule, contact.Channel));
    }

    /// <summary>
    /// The evaluator's own path for a customer of the history (<paramref name="row"/>): the key as its hash
    /// (<see cref="IdempotencyKeys.Hash(ReadOnlySpan{char}, ReadOnlySpan{char}, int, ReadOnlySpan{char})"/>, what <see cref="Record(Contact)"/> keeps for the same key), campaign and (rule, channel) as
    /// the ids of <see cref="CampaignId"/> and <see cref="SourceId"/>, worked out once per campaign run —
    /// a year's dry-run records tens of millions of sends and this spares each a key string and two look-ups.
    /// Like <see cref="WasSent(int, ulong, long)"/>, the check that the key is new reads only the contacts after
    /// <paramref name="repeatsAfterTicks"/>, not the customer's whole year.
    /// </summary>
    internal bool Record(int row, string customerId, long atTicks, ulong keyHash, short campaignId, short sourceId, long repeatsAfterTicks = long.MinValue)
        => Insert(SlotOf(customerId, row, create: true), customerId, atTicks, keyHash, campaignId, sourceId, repeatsAfterTicks);

    /// <summary>
    /// Whether the customer of history row <paramref name="row"/> already has the key hashed by
    /// <see cref="IdempotencyKeys.Hash(ReadOnlySpan{char}, ReadOnlySpan{char}, int, ReadOnlySpan{char})"/>
    /// among the contacts with At &gt; <paramref name="afterTicks"/> (UTC): the evaluator knows no earlier
    /// contact can hold it, and a year of contacts is then not read for every decision.
    /// </summary>
    internal bool WasSent(int row, ulong keyHash, long afterTicks = long.MinValue) => KnowsRow(row) && Holds(row, keyHash, afterTicks);

    /// <summary>Whether the customer of history row <paramref name="row"/> has a contact with At &gt; <paramref name="afterTicks"/> (UTC): without one, no key needs comparing.</summary>
    internal bool HasContactsAfter(int row, long afterTicks)
        => KnowsRow(row) && _counts[row] is var count and > 0 && _entries[row]![count - 1].AtTicks > afterTicks;

    /// <summary>Asks the processor for the customer's slot (where the contacts are and how many): the first step of <see cref="Prefetch"/>, a few decisions earlier.</summary>
    internal void PrefetchSlot(int row)
    {
        if (KnowsRow(row))
        {
            Memory.Prefetch.Element(_entries, row);
            Memory.Prefetch.Element(_counts, row);
        }
    }

    /// <summary>Asks the processor to fetch the customer's latest contacts (what the caps and the idempotency check read) ahead of use.</summary>
    internal unsafe void Prefetch(int row)
    {
        if (KnowsRow(row) && _entries[row] is { } entries && _counts[row] > 0)
        {
            Memory.Prefetch.Address(Unsafe.AsPointer(ref entries[_counts[row] - 1]));
        }
    }

    /// <summary>Whether <paramref name="row"/> is a customer of the order history this store was made for (the by-row methods take only those).</summary>
    internal bool KnowsRow(int row) => row >= 0 && row < _rows;

    /// <summary>The campaign's small id (made on first use), for <see cref="Record(int, string, long, ulong, short, short)"/> and <see cref="CountWindows"/>.</summary>
    internal short CampaignId(string campaign) => Id(_campaignIds, _campaigns, campaign);

    /// <summary>The (rule, channel) pair's small id (made on first use).</summary>
    internal short SourceId(string rule, string channel) => Id(_sourceIds, _sources, (rule, channel));

    /// <summary>
    /// What the frequency caps of one send ask, in one pass over the customer's latest contacts: how many of
    /// campaign <paramref name="campaignId"/> have At ≥ <paramref name="campaignFrom"/>, and how many of any
    /// campaign have At ≥ each of <paramref name="globalFrom"/>, all with At &lt; <paramref name="before"/> (UTC ticks).
    /// </summary>
    internal void CountWindows(int row, short campaignId, long campaignFrom, ReadOnlySpan<long> globalFrom, long before, out int campaignCount, Span<int> globalCounts)
    {
        campaignCount = 0;
        globalCounts.Clear();
        if (!KnowsRow(row))
        {
            return;
        }

        var earliest = campaignFrom;
        foreach (var from in globalFrom)
        {
            earliest = Math.Min(earliest, from);
        }

        var entries = Of(row);
        for (var i = entries.Length - 1; i >= 0 && entries[i].AtTicks >= earliest; i--)
        {
            var at = entries[i].AtTicks;
            if (at >= before)
            {
                continue;
            }

            if (at >= campaignFrom && entries[i].Campaign == campaignId)
            {
                campaignCount++;
            }

            for (var g = 0; g < globalFrom.Length; g++)
            {
                if (at >= globalFrom[g])
                {
                    globalCounts[g]++;
                }
            }
        }
    }

    private bool Insert(int slot, string customerId, long at, ulong hash, short campaignId, short sourceId, long repeatsAfterTicks = long.MinValue)
    {
        if (Holds(slot, hash, repeatsAfterTicks))
        {
            return false;
        }

        var entries = _entries[slot] ??= new Entry[4];
        var count = _counts[slot];
        if (count == entries.Length)
        {
            Array.Resize(ref entries, count * 2);
            _entries[slot] = entries;
        }

        // Sends arrive in time order almost always (quiet hours defer a few): shift the later ones.
        var i = count;
        while (i > 0 && entries[i - 1].AtTicks > at)
        {
            entries[i] = entries[i - 1];
            i--;
        }

        entries[i] = new Entry(at, hash, campaignId, sourceId);
        _counts[slot] = count + 1;
        _customers[slot] ??= customerId;
        return true;
    }

    public bool Contains(string idempotencyKey)
    {
        // Without the customer every customer's contacts would have to be searched; the evaluator asks WasSent.
        for (var slot = 0; slot < _counts.Length; slot++)
        {
            if (_counts[slot] > 0 && Holds(slot, KeyHash(slot, _customers[slot]!, idempotencyKey)))
            {
                return true;
            }
        }

        return false;
    }

    public bool WasSent(string customerId, string idempotencyKey, int customerRow = -1)
        => SlotOf(customerId, customerRow, create: false) is var slot and >= 0 && Holds(slot, KeyHash(slot, customerId, idempotencyKey));

    public int CountContacts(string customerId, DateTimeOffset from, DateTimeOffset before, string? campaign = null, int customerRow = -1)
    {
        var slot = SlotOf(customerId, customerRow, create: false);
        var campaignId = -1;
        if (slot < 0 || (campaign is not null && !_campaignIds.TryGetValue(campaign, out campaignId)))
        {
            return 0;
        }

        long fromTicks = from.UtcTicks, beforeTicks = before.UtcTicks;
        var count = 0;
        var entries = Of(slot);
        for (var i = entries.Length - 1; i >= 0 && entries[i].AtTicks >= fromTicks; i--)
        {
            if (entries[i].AtTicks < beforeTicks && (campaignId < 0 || entries[i].Campaign == campaignId))
            {
                count++;
            }
        }

        return count;
    }

    public IReadOnlyList<Contact> ContactsOf(string customerId, DateTimeOffset from, DateTimeOffset before)
    {
        var slot = SlotOf(customerId, -1, create: false);
        var contacts = new List<Contact>();
        if (slot >= 0)
        {
            foreach (var entry in Of(slot))
            {
                var contact = ToContact(customerId, entry);
                if (contact.At >= from && contact.At < before)
                {
                    contacts.Add(contact);
                }
            }
        }

        return contacts;
    }

    public IEnumerable<Contact> ContactsSince(DateTimeOffset from)
    {
        for (var slot = 0; slot < _counts.Length; slot++)
        {
            for (var i = 0; i < _counts[slot]; i++)
            {
                var contact = ToContact(_customers[slot]!, _entries[slot]![i]);
                if (contact.At >= from)
                {
                    yield return contact;
                }
            }
        }
    }

    /// <summary>The customer's slot: its history row (given, or found by id), else one of its own; −1 when it has none and none is to be made.</summary>
    private int SlotOf(string customerId, int row, bool create)
    {
        if (row < 0 && history is not null)
        {
            row = history.FindCustomer(customerId);
        }

        if (row >= 0 && row < _rows)
        {
            return row;
        }

        if (_otherSlots.TryGetValue(customerId, out var slot))
        {
            return slot;
        }

        if (!create)
        {
            return -1;
        }

        slot = _counts.Length;
        _otherSlots[customerId] = slot;
        Array.Resize(ref _customers, slot + 1);
        Array.Resize(ref _entries, slot + 1);
        Array.Resize(ref _counts, slot + 1);
        return slot;
    }

    private ReadOnlySpan<Entry> Of(int slot) => _entries[slot] is { } entries ? entries.AsSpan(0, _counts[slot]) : [];

    /// <summary>Whether the slot's contacts with At &gt; <paramref name="afterTicks"/> (all by default) hold the key hash; newest first.</summary>
    private bool Holds(int slot, ulong hash, long afterTicks = long.MinValue)
    {
        var entries = Of(slot);
        for (var i = entries.Length - 1; i >= 0 && entries[i].AtTicks > afterTicks; i--)
        {
            if (entries[i].HasKey(hash))
            {
                return true;
            }
        }

        return false;
    }

    private Contact ToContact(string customerId, in Entry entry)
        => new(_campaigns[entry.Campaign], _sources[entry.Source].Rule, customerId, _sources[entry.Source].Channel,
            new DateTimeOffset(entry.AtTicks, TimeSpan.Zero), $"xxh64:{entry.KeyHashBits:x16}");

    private static short Id<T>(Dictionary<T, int> ids, List<T> values, T value)
        where T : notnull
    {
        if (!ids.TryGetValue(value, out var id))
        {
            id = values.Count;
            ids[value] = id;
            values.Add(value);
        }

        if (id >= MaxIds)
        {
            throw new InvalidOperationException($"a dry-run's contact history tells at most {MaxIds} campaigns and {MaxIds} (rule, channel) pairs apart; this one has more");
        }

        return (short)id;
    }

    /// <summary>The hash kept for a key: by row and parts for a customer of the history (what the evaluator's by-row path computes), by text otherwise.</summary>
    private ulong KeyHash(int slot, string customerId, string key)
        => KnowsRow(slot) && IdempotencyKeys.TrySplit(key, customerId, out var campaign, out var rule, out var occurrence)
            ? IdempotencyKeys.Hash(campaign, rule, slot, occurrence)
            : IdempotencyKeys.Hash(key);

    // 24 bytes: the (rule, channel) pair shares one id, there are only a few of them.
    // 16 bytes, a year of sends to a million customers being tens of millions of them: the key hash's top 40
    // bits (compared only among one customer's recent contacts: a false repeat is about one in 10^12 per
    // decision), the campaign and the (rule, channel) pair as 12-bit ids.
    private readonly struct Entry(long atTicks, ulong keyHash, int campaign, int source)
    {
        private const ulong HashBits = ~0UL << 24;

        private readonly ulong _packed = (keyHash & HashBits) | ((ulong)campaign << 12) | (uint)source;

        public long AtTicks { get; } = atTicks;

        public int Campaign => (int)(_packed >> 12) & (MaxIds - 1);

        public int Source => (int)_packed & (MaxIds - 1);

        /// <summary>The part of the key hash kept.</summary>
        public ulong KeyHashBits => _packed & HashBits;

        public bool HasKey(ulong keyHash) => KeyHashBits == (keyHash & HashBits);
    }
}
