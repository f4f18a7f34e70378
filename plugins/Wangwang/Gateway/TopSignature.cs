using System.Security.Cryptography;
using System.Text;

namespace CampaignEngine.Plugins.Wangwang.Gateway;

/// <summary>
/// The Taobao Open Platform (TOP) request signature with <c>sign_method=hmac-sha256</c>:
/// <list type="number">
/// <item>take every request parameter except <c>sign</c> whose value is not empty;</item>
/// <item>sort them by name, ordinal (byte order of the ASCII names);</item>
/// <item>concatenate name and value with no separators: <c>app_keyK buyer_nickB content…</c> → <c>app_keyKbuyer_nickBcontent…</c>;</item>
/// <item>sign = HMAC-SHA256(key = app secret, data = that string, both UTF-8), as upper-case hex.</item>
/// </list>
/// </summary>
internal static class TopSignature
{
    public static string Sign(IEnumerable<KeyValuePair<string, string>> parameters, string secret)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in parameters.Where(p => p.Key != "sign" && p.Value.Length > 0).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append(value);
        }

        return Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(text.ToString())));
    }
}
