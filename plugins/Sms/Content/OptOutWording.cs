using System.Text.RegularExpressions;

namespace CampaignEngine.Plugins.Sms.Content;

/// <summary>
/// The opt-out instruction carriers require in every marketing SMS (回T退订). The forms shops use:
/// 回T退订, 回TD退订, 回复T退订, 退订回T, 退订回复TD, 拒收请回复R, 回N拒收, and English
/// "reply T/TD/STOP (to unsubscribe)".
/// </summary>
internal static partial class OptOutWording
{
    public static bool IsPresent(string text) => Wording().IsMatch(text);

    [GeneratedRegex(
        @"回复?\s*[A-Za-z]{1,4}\s*(退订|拒收)|(退订|拒收)\s*请?\s*回复?\s*[A-Za-z]{1,4}|\breply\s+(T|TD|N|R|STOP|UNSUBSCRIBE)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Wording();
}
