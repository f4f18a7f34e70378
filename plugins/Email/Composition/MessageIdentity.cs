using System.Security.Cryptography;
using System.Text;

namespace CampaignEngine.Plugins.Email.Composition;

/// <summary>
/// The Message-ID derived from the idempotency key: the same key always gives the same id, so a message
/// re-sent after a crash is recognisable (and mail systems that dedupe by Message-ID drop the copy).
/// The key is kept readable with characters a Message-ID may not hold (RFC 5322 dot-atom) turned into '-',
/// and a short hash of the exact key keeps two keys that differ only in those characters apart.
/// </summary>
internal static class MessageIdentity
{
    public static string For(string idempotencyKey, string domain)
    {
        var readable = new StringBuilder(idempotencyKey.Length);
        foreach (var c in idempotencyKey)
        {
            readable.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '+' or '=' ? c : '-');
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..12];
        var local = readable.ToString().Trim('.');
        local = local.Length > 100 ? local[..100] : local;
        return $"{local.Replace("..", ".-", StringComparison.Ordinal)}.{hash}@{domain}";
    }
}
