using System.Security.Cryptography;
using System.Text;

namespace CampaignEngine.Channels.Tests.Support;

/// <summary>
/// The providers' signature algorithms written again from their documentation, independently of the
/// plugins' code, so a test server can recompute a signature from the request it received.
/// </summary>
internal static class Independent
{
    /// <summary>RFC 3986 percent-encoding as Aliyun specifies it: UTF-8 bytes, unreserved characters kept, %XX upper-case.</summary>
    public static string PercentEncode(string value)
    {
        var result = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~')
            {
                result.Append(c);
            }
            else
            {
                result.Append('%').Append(b.ToString("X2"));
            }
        }

        return result.ToString();
    }

    /// <summary>Decodes a form body: '+' is a space, %XX a UTF-8 byte.</summary>
    public static Dictionary<string, string> ParseForm(string body)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            form[Decode(pair[..equals])] = Decode(pair[(equals + 1)..]);
        }

        return form;

        static string Decode(string text)
        {
            var bytes = new List<byte>();
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '%')
                {
                    bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(text[i] == '+' ? " " : text[i].ToString()));
                }
            }

            return Encoding.UTF8.GetString(bytes.ToArray());
        }
    }

    /// <summary>Aliyun RPC signature (SignatureVersion 1.0) of the received parameters.</summary>
    public static string AliyunSignature(IReadOnlyDictionary<string, string> parameters, string secret, string method)
    {
        var sorted = parameters.Where(p => p.Key != "Signature").OrderBy(p => PercentEncode(p.Key), StringComparer.Ordinal);
        var canonical = string.Join("&", sorted.Select(p => PercentEncode(p.Key) + "=" + PercentEncode(p.Value)));
        var stringToSign = Encoding.UTF8.GetBytes("POST&" + PercentEncode("/") + "&" + PercentEncode(canonical));
        using HMAC mac = method == "HMAC-SHA256" ? new HMACSHA256(Encoding.UTF8.GetBytes(secret + "&")) : new HMACSHA1(Encoding.UTF8.GetBytes(secret + "&"));
        return Convert.ToBase64String(mac.ComputeHash(stringToSign));
    }

    /// <summary>DingTalk robot: Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)).</summary>
    public static string DingTalkSignature(string timestamp, string secret)
    {
        using var mac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Convert.ToBase64String(mac.ComputeHash(Encoding.UTF8.GetBytes(timestamp + "\n" + secret)));
    }

    /// <summary>TOP hmac-sha256: upper hex of HMAC-SHA256(secret, concatenation of name+value sorted by name, sign and empty values left out).</summary>
    public static string TopSignature(IReadOnlyDictionary<string, string> parameters, string secret)
    {
        var text = new StringBuilder();
        foreach (var name in parameters.Keys.Where(k => k != "sign" && parameters[k] != "").OrderBy(k => k, StringComparer.Ordinal))
        {
            text.Append(name).Append(parameters[name]);
        }

        using var mac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var hex = new StringBuilder();
        foreach (var b in mac.ComputeHash(Encoding.UTF8.GetBytes(text.ToString())))
        {
            hex.Append(b.ToString("X2"));
        }

        return hex.ToString();
    }
}
