using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace CampaignEngine.Evaluation;

/// <summary>The one place the idempotency key's format is defined.</summary>
public static class IdempotencyKeys
{
    private const int StackLimit = 256;

    public static string For(string campaign, string rule, string customerId, string occurrence)
        => $"{campaign}/{rule}/{customerId}/{occurrence}";

    /// <summary>The key's 64-bit hash (XXH64 of its UTF-16 text): what the dry-run's in-memory contact history keeps for a customer it knows only by id.</summary>
    internal static ulong Hash(string key) => XxHash64.HashToUInt64(MemoryMarshal.AsBytes(key.AsSpan()));

    /// <summary>
    /// The key's 64-bit hash for a customer of the order history, from its parts, with the customer's row
    /// standing in for the id: XXH64 of <c>campaign/rule/occurrence</c> seeded with the row. A long dry-run
    /// asks it for a hundred million decisions, and reading each customer id's text from memory (a cache
    /// miss per decision) cost more than everything else the decision does.
    /// </summary>
    internal static ulong Hash(ReadOnlySpan<char> campaign, ReadOnlySpan<char> rule, int customerRow, ReadOnlySpan<char> occurrence)
    {
        var length = campaign.Length + rule.Length + occurrence.Length + 2;
        var text = length <= StackLimit ? stackalloc char[length] : new char[length];
        campaign.CopyTo(text);
        var at = campaign.Length;
        text[at++] = '/';
        rule.CopyTo(text[at..]);
        at += rule.Length;
        text[at++] = '/';
        occurrence.CopyTo(text[at..]);
        return XxHash64.HashToUInt64(MemoryMarshal.AsBytes((ReadOnlySpan<char>)text), customerRow);
    }

    /// <summary>
    /// Splits a key made by <see cref="For"/> for <paramref name="customerId"/> back into its parts (campaign
    /// ids and rule names hold no '/'); false for a key of another shape.
    /// </summary>
    internal static bool TrySplit(string key, string customerId, out ReadOnlySpan<char> campaign, out ReadOnlySpan<char> rule, out ReadOnlySpan<char> occurrence)
    {
        campaign = rule = occurrence = default;
        var text = key.AsSpan();
        var first = text.IndexOf('/');
        if (first < 0)
        {
            return false;
        }

        var second = text[(first + 1)..].IndexOf('/');
        if (second < 0)
        {
            return false;
        }

        var rest = text[(first + second + 2)..];
        if (rest.Length <= customerId.Length || !rest.StartsWith(customerId, StringComparison.Ordinal) || rest[customerId.Length] != '/')
        {
            return false;
        }

        campaign = text[..first];
        rule = text.Slice(first + 1, second);
        occurrence = rest[(customerId.Length + 1)..];
        return true;
    }
}
