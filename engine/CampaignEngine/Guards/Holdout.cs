using System.Text;

namespace CampaignEngine.Guards;

/// <summary>
/// The holdout: a customer is held out of a campaign when hash(campaign id, customer id) falls below the
/// campaign's percentage. A fixed hash (64-bit FNV-1a over UTF-8), not string.GetHashCode, which .NET
/// randomizes per process — the same customer must stay in or out across runs, days and machines, or
/// the comparison of sent against held-out customers measures nothing.
/// </summary>
internal static class Holdout
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>The customer's position in [0, 100) for this campaign.</summary>
    public static double Position(string campaignId, string customerId) => FromRank(Rank(campaignId, customerId));

    /// <summary>The position as an integer in [0, 1 000 000), ten-thousandths of a percent: what a caller keeps per customer.</summary>
    public static int Rank(string campaignId, string customerId)
    {
        var hash = OffsetBasis;
        hash = Mix(hash, campaignId);
        // A separator no id contains, so ("ab", "c") and ("a", "bc") differ.
        hash = (hash ^ 0x1F) * Prime;
        hash = Mix(hash, customerId);
        // FNV's low bits mix poorly for short inputs; fold the high half in before taking the position.
        hash ^= hash >> 32;
        return (int)(hash % 1_000_000);
    }

    public static double FromRank(int rank) => rank / 10_000.0;

    public static bool IsHeldOut(string campaignId, string customerId, double percent) => IsHeldOut(Position(campaignId, customerId), percent);

    /// <summary>Whether a customer at <paramref name="position"/> (see <see cref="Position"/>) is held out of a campaign holding <paramref name="percent"/> out.</summary>
    public static bool IsHeldOut(double position, double percent) => percent > 0 && position < percent;

    private static ulong Mix(ulong hash, string text)
    {
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(text) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(text, buffer)] : Encoding.UTF8.GetBytes(text);
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }
}
