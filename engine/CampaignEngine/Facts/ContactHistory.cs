using CampaignEngine.Orders;
using CampaignEngine.State;

namespace CampaignEngine.Facts;

/// <summary>
/// When each customer was contacted (any campaign, any channel), as shop-local moments in seconds
/// (day number × 86400 + second of day), sorted per customer. The state store supplies it; without
/// one every customer has no contacts (last_contact_days missing, contacts_in 0).
/// </summary>
internal sealed class ContactHistory
{
    public static readonly ContactHistory None = new([0], []);

    private readonly int[] _starts;
    private readonly long[] _moments;

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
        if (row + 1 >= _starts.Length)
        {
            return -1;
        }

        var span = _moments.AsSpan(_starts[row], _starts[row + 1] - _starts[row]);
        var i = LowerBound(span, before);
        return i == 0 ? -1 : span[i - 1];
    }

    /// <summary>Contacts in [from, before).</summary>
    public int CountBetween(int row, long from, long before)
    {
        if (row + 1 >= _starts.Length)
        {
            return 0;
        }

        var span = _moments.AsSpan(_starts[row], _starts[row + 1] - _starts[row]);
        return LowerBound(span, before) - LowerBound(span, from);
    }

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
