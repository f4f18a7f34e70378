namespace CampaignEngine.Plugins.Sms.Content;

/// <summary>
/// A mainland Chinese mobile number: 11 digits, 1 then 3–9 (13x … 19x). Accepts the country code
/// (+86, 0086, 86) and spaces or hyphens people type; providers want the bare 11 digits.
/// </summary>
internal static class ChineseMobileNumber
{
    public static string? Normalise(string address)
    {
        var digits = new string(address.Where(c => c is not (' ' or '-')).ToArray());
        foreach (var prefix in (ReadOnlySpan<string>)["+86", "0086", "86"])
        {
            if (digits.Length == 11 + prefix.Length && digits.StartsWith(prefix, StringComparison.Ordinal))
            {
                digits = digits[prefix.Length..];
                break;
            }
        }

        return digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9' && digits.All(char.IsAsciiDigit)
            ? digits
            : null;
    }
}
