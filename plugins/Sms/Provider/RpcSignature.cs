using System.Security.Cryptography;
using System.Text;

namespace CampaignEngine.Plugins.Sms.Provider;

/// <summary>
/// The request signature of Aliyun's RPC-style APIs (SignatureVersion 1.0), which most Chinese SMS
/// providers copy:
/// <list type="number">
/// <item>percent-encode every name and value as RFC 3986 (UTF-8; only A–Z a–z 0–9 - _ . ~ left as is, space → %20);</item>
/// <item>sort the pairs by encoded name (ordinal) and join them as <c>name=value</c> with <c>&amp;</c> — the canonical query;</item>
/// <item>string to sign = <c>POST&amp;%2F&amp;</c> + percent-encode(canonical query);</item>
/// <item>Signature = Base64(HMAC(key = secret + "&amp;", string to sign)), HMAC-SHA1 (Aliyun) or HMAC-SHA256.</item>
/// </list>
/// </summary>
internal static class RpcSignature
{
    public const string Sha1 = "HMAC-SHA1";
    public const string Sha256 = "HMAC-SHA256";

    public static string Encode(string value) => Uri.EscapeDataString(value);

    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> parameters)
        => string.Join('&', parameters
            .Select(p => (Name: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));

    public static string Sign(string canonicalQuery, string secret, string method)
    {
        var stringToSign = Encoding.UTF8.GetBytes("POST&%2F&" + Encode(canonicalQuery));
        var key = Encoding.UTF8.GetBytes(secret + "&");
        var mac = method == Sha256 ? HMACSHA256.HashData(key, stringToSign) : HMACSHA1.HashData(key, stringToSign);
        return Convert.ToBase64String(mac);
    }
}
