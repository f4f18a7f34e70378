namespace CampaignEngine.State;

/// <summary>
/// The hook for inbound SMS replies (上行短信): a reply that is an unsubscribe keyword — <c>T</c>, <c>TD</c>,
/// <c>N</c>, <c>R</c>, <c>退订</c>, <c>STOP</c>, <c>UNSUBSCRIBE</c>, case and surrounding spaces or punctuation
/// ignored — opts the phone number out of SMS. Any other reply is not an opt-out (a customer writing
/// "退订了吗？" in a longer sentence is a question, not a keyword). Fed by <c>campaign optout reply</c>, which the
/// provider's reply webhook (or a script polling its reply API) calls.
/// </summary>
internal static class SmsReplyOptOut
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase) { "T", "TD", "N", "R", "退订", "STOP", "UNSUBSCRIBE", "回T", "回TD" };

    public static bool IsOptOut(string reply) =>
        Keywords.Contains(reply.Trim().Trim('。', '.', '!', '！', ' ', '"', '“', '”', '\u3000'));

    /// <summary>The opt-out a reply means, or null when it is not an unsubscribe keyword.</summary>
    public static OptOut? From(string phone, string reply, DateTimeOffset at) =>
        IsOptOut(reply) ? new OptOut(NormalizePhone(phone), "sms", at, $"sms reply '{reply.Trim()}'") : null;

    /// <summary>The 11-digit mainland number: country code, spaces and hyphens removed, as the SMS channel sends to it. Other addresses (email, Wangwang ids) are only trimmed.</summary>
    public static string NormalizePhone(string phone)
    {
        if (!phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')'))
        {
            return phone.Trim();
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        foreach (var prefix in new[] { "0086", "86" })
        {
            if (digits.Length == 11 + prefix.Length && digits.StartsWith(prefix, StringComparison.Ordinal))
            {
                return digits[prefix.Length..];
            }
        }

        return digits.Length > 0 ? digits : phone.Trim();
    }
}
