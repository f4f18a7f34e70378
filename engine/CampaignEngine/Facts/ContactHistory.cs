using CampaignEngine.Orders;
using CampaignEngine.State;

namespace CampaignEngine.Facts;

/// <summary>
/// When each customer was contacted (any campaign, any channel), as shop-local moments in seconds
/// (day number × 86400 + second of day), sorted per customer. The state store supplies it; without
/// one every customer has no contacts (last_contact_days missing, contacts_in 0). Sends made during a
/// run are added with <see cref="Add"/> (per-row arrays, no scan), so the next evaluation's
/// <c>last_contact_days</c> and <c>contacts_in</c> see them.
/// </summary>
internal sealed class ContactHistory
{
    public static ContactHistory None => new([0], []);

    private readonly int[] _starts;
    private readonly long[] _moments;
    // Contacts added after construction, per row, sorted; null for rows without any.
    private long[]?[] _added = [];
    private int[] _addedCount = [];

    private ContactHistory(int[] starts, long[] moments)
    {
        _starts = starts;
        _moments = moments;
    }

    /// <summary>Builds from (customer row, shop-local moment) pairs in any order.</summary>
    public static ContactHistory From(int customerCount, IEnumerable<(int Row, DateTime ShopLocalMoment)> contacts)
    {
        var lists = new List<long>[customerCount];
        foreach (var (row, moment) in contacts)
        {
            (lists[row] ??= []).Add(DateOnly.FromDateTime(moment).DayNumber * 86400L + (long)moment.TimeOfDay.TotalSeconds);
        }

        var starts = new int[customerCount + 1];
        var all = new List<long>();
        for (var c = 0; c < customerCount; c++)
        {
            if (lists[c] is { } list)
            {
                list.Sort();
                all.AddRange(list);
            }

            starts[c + 1] = all.Count;
        }

        return new ContactHistory(starts, [.. all]);
    }

    /// <summary>Asks the processor for where the row's added contacts are (the dry-run's evaluator, a few decisions ahead of <see cref="Add"/>).</summary>
    public void PrefetchAddedSlot(int row)
    {
        if (row < _added.Length)
        {
            Memory.Prefetch.Element(_added, row);
            Memory.Prefetch.Element(_addedCount, row);
        }
    }

    /// <summary>Asks the processor for the end of the row's added contacts, where <see cref="Add"/> writes.</summary>
    public void PrefetchAdded(int row)
    {
        if (row < _added.Length && _added[row] is { } list)
        {
            Memory.Prefetch.Element(list, Math.Min(_addedCount[row], list.Length - 1));
        }
    }

    /// <summary>Adds one contact of a row at a shop-local moment in seconds (day number × 86400 + second of day).</summary>
    public void Add(int row, long shopLocalSecond)
    {
        if (row >= _added.Length)
        {
            var size = Math.Max(row + 1, Math.Max(_starts.Length - 1, _added.Length * 2));
            Array.Resize(ref _added, size);
            Array.Resize(ref _addedCount, size);
        }

        var list = _added[row] ??= new long[4];
        var count = _addedCount[row];
        if (count == list.Length)
        {
            Array.Resize(ref list, count * 2);
            _added[row] = list;
        }

        // Sends arrive in time order almost always; shift the few later ones when not.
        var i = count;
        while (i > 0 && list[i - 1] > shopLocalSecond)
        {
            list[i] = list[i - 1];
            i--;
        }

        list[i] = shopLocalSecond;
        _addedCount[row] = count + 1;
    }

    /// <summary>
    /// A snapshot of the state store's contacts before <paramref name="before"/> for every customer of the
    /// history, in shop-local time: fact readers then search a sorted array instead of querying the store per row.
    /// </summary>
    public static ContactHistory Snapshot(OrderHistory history, IContactHistory store, DateTimeOffset before, TimeZoneInfo shopZone)
    {
        var contacts = new List<(int, DateTime)>();
        for (var row = 0; row < history.CustomerCount; row++)
        {
            foreach (var contact in store.ContactsOf(history.CustomerIdOf(row), DateTimeOffset.MinValue, before))
            {
                contacts.Add((row, TimeZoneInfo.ConvertTime(contact.At, shopZone).DateTime));
            }
        }

        return From(history.CustomerCount, contacts);
    }

    /// <summary>The last contact moment strictly before <paramref name="before"/>, or −1.</summary>
    public long LastBefore(int row, long before)
    {
        var last = -1L;
        if (row + 1 < _starts.Length)
        {
            var span = _moments.AsSpan(_starts[row], _starts[row + 1] - _starts[row]);
            var i = LowerBound(span, before);
            last = i == 0 ? -1 : span[i - 1];
        }

        var added = Added(row);
        var j = LowerBound(added, before);
        return j == 0 ? last : Math.Max(last, added[j - 1]);
    }

    /// <summary>Contacts in [from, before).</summary>
    public int CountBetween(int row, long from, long before)
    {
        var count = 0;
        if (row + 1 < _starts.Length)
        {
            var span = _moments.AsSpan(_starts[row], _starts[row + 1] - _starts[row]);
            count = LowerBound(span, before) - LowerBound(span, from);
        }

        var added = Added(row);
        return count + LowerBound(added, before) - LowerBound(added, from);
    }

    private ReadOnlySpan<long> Added(int row)
        => row < _added.Length && _added[row] is { } list ? list.AsSpan(0, _addedCount[row]) : [];

    private static int LowerBound(ReadOnlySpan<long> sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }

        return lo;
    }
}
