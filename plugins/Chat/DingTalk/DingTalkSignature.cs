using System.Security.Cryptography;
using System.Text;

namespace CampaignEngine.Plugins.Chat.DingTalk;

/// <summary>
/// DingTalk's robot signature (安全设置 → 加签): string to sign = timestamp (ms since the Unix epoch) + "\n" +
/// secret; sign = Base64(HMAC-SHA256(key = secret, string to sign)), sent URL-encoded as
/// <c>&amp;timestamp=…&amp;sign=…</c>. DingTalk refuses a timestamp more than an hour off its clock.
/// </summary>
internal static class DingTalkSignature
{
    public static string Sign(long timestampMs, string secret)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        var data = Encoding.UTF8.GetBytes($"{timestampMs}\n{secret}");
        return Convert.ToBase64String(HMACSHA256.HashData(key, data));
    }
}
