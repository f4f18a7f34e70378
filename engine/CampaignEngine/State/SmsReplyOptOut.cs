using CampaignEngine.Guards;

namespace CampaignEngine.State;

/// <summary>
/// The hook for inbound SMS replies (上行短信): a reply that is an unsubscribe keyword (T, TD, N, 退订, STOP …,
/// see <see cref="OptOutKeywords"/>) opts the phone number out of SMS. Any other reply is not an opt-out (a
/// customer asking "退订了吗？" in a sentence is a question, not a keyword). Fed by <c>campaign optout reply</c>,
/// which the provider's reply webhook (or a script polling its reply API) calls.
/// </summary>
internal static class SmsReplyOptOut
{
    public static bool IsOptOut(string reply) => OptOutKeywords.IsOptOut(reply);

    /// <summary>The opt-out a reply means, or null when it is not an unsubscribe keyword.</summary>
    public static ChannelOptOut? From(string phone, string reply, DateTimeOffset at) =>
        IsOptOut(reply) ? new ChannelOptOut(NormalizePhone(phone), "sms", at, $"sms reply '{reply.Trim()}'") : null;

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
