using System.Globalization;
using System.Text.RegularExpressions;
using CampaignEngine.Campaigns.Schedules;

namespace CampaignEngine.Campaigns.Limits;

/// <summary>Reads caps (<c>1 per 14d</c>, <c>max 3 per 30d</c>, <c>每14天1次</c>), quiet hours, holdout percentages and money.</summary>
internal static partial class LimitParser
{
    public static FrequencyCap? ParseCap(string text)
    {
        var normalized = text.Trim().ToLowerInvariant();
        var english = EnglishCap().Match(normalized);
        if (english.Success)
        {
            return Cap(text, english.Groups["count"].Value, english.Groups["amount"].Value, english.Groups["unit"].Value);
        }

        var chinese = ChineseCap().Match(normalized);
        return chinese.Success ? Cap(text, chinese.Groups["count"].Value, chinese.Groups["amount"].Value, chinese.Groups["unit"].Value) : null;
    }

    private static FrequencyCap? Cap(string text, string countText, string amountText, string unit)
    {
        if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            return null;
        }

        if (amountText.Length == 0)
        {
            return unit switch
            {
                "day" or "天" or "日" => new FrequencyCap(count, CapWindowKind.CalendarDay, TimeSpan.Zero, text),
                "week" or "周" => new FrequencyCap(count, CapWindowKind.CalendarWeek, TimeSpan.Zero, text),
                "month" or "月" => new FrequencyCap(count, CapWindowKind.CalendarMonth, TimeSpan.Zero, text),
                _ => null,
            };
        }

        if (!int.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount < 1 || amount > 3660)
        {
            return null;
        }

        var length = unit switch
        {
            "d" or "day" or "days" or "天" or "日" => TimeSpan.FromDays(amount),
            "h" or "hour" or "hours" or "小时" => TimeSpan.FromHours(amount),
            "w" or "week" or "weeks" or "周" => TimeSpan.FromDays(7 * amount),
            _ => (TimeSpan?)null,
        };
        return length is null ? null : new FrequencyCap(count, CapWindowKind.Rolling, length.Value, text);
    }

    public static QuietHours? ParseQuietHours(string text)
    {
        var parts = text.Replace('：', ':').Replace('—', '-').Replace('～', '-').Replace('~', '-').Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !ScheduleParser.ParseTime(parts[0], out var from, out _) || !ScheduleParser.ParseTime(parts[1], out var until, out _) || from == until)
        {
            return null;
        }

        return new QuietHours(from, until, text);
    }

    /// <summary>A holdout share in percent: <c>10%</c> or <c>10</c>; null when it is not a number from 0 to 100.</summary>
    public static double? ParsePercent(string text)
    {
        var trimmed = text.Trim().TrimEnd('%', '％').Trim();
        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent is >= 0 and <= 100 && !double.IsNaN(percent)
            ? percent : null;
    }

    /// <summary>An amount in yuan: <c>500</c>, <c>¥500</c>, <c>500元</c>; null unless positive.</summary>
    public static decimal? ParseMoney(string text)
    {
        var trimmed = text.Trim().TrimStart('¥', '￥').TrimEnd('元').Trim();
        return decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount > 0 ? amount : null;
    }

    [GeneratedRegex(@"^(?:max\s+)?(?<count>\d+)\s*(?:per|/)\s*(?<amount>\d*)\s*(?<unit>d|days?|h|hours?|w|weeks?|month)$")]
    private static partial Regex EnglishCap();

    [GeneratedRegex(@"^每\s*(?<amount>\d*)\s*(?<unit>天|日|小时|周|月)\s*(?:最多)?\s*(?<count>\d+)\s*次$")]
    private static partial Regex ChineseCap();
}
