namespace CampaignEngine.Plugins.Sms.Content;

/// <summary>
/// The shop's signature (短信签名) in 【】 that Chinese carriers require at the start of every SMS.
/// Providers add the registered sign name themselves, so a template may leave it out when the channel
/// has <c>sign_name</c>; the text the customer sees — and the carrier bills — always starts with it.
/// </summary>
internal static class SmsSignature
{
    /// <summary>Providers register sign names of 2 to 12 characters (Aliyun's rule for 签名名称).</summary>
    public const int MinLength = 2;
    public const int MaxLength = 12;

    /// <summary>The signature the text starts with, without the brackets, or null.</summary>
    public static string? AtStart(string text)
    {
        var trimmed = text.TrimStart();
        if (!trimmed.StartsWith('【'))
        {
            return null;
        }

        var close = trimmed.IndexOf('】', StringComparison.Ordinal);
        return close < 0 ? null : trimmed[1..close].Trim();
    }

    /// <summary>The SMS as the customer receives it: the text, prefixed with 【sign name】 when it has no signature of its own.</summary>
    public static string FullText(string text, string? signName)
        => AtStart(text) is null && signName is not null ? $"【{signName}】{text.TrimStart()}" : text.TrimStart();

    public static bool IsWellFormed(string signature)
        => signature.Length is >= MinLength and <= MaxLength && !signature.Contains('【') && !signature.Contains('】');
}
