using System.Globalization;
using System.Text.RegularExpressions;

namespace CampaignEngine.Campaigns.Schedules;

/// <summary>
/// Reads <c>schedule:</c> text: <c>daily 10:00</c>, <c>weekly tue,fri 10:00</c>, <c>monthly 1 10:00</c>,
/// <c>monthly last 10:00</c>, their Chinese forms (<c>每天 10:00</c>, <c>每周二 10:00</c>, <c>每月1日 10:00</c>),
/// or a five-field cron line. Errors are returned as a reason for the marketer, never thrown.
/// </summary>
internal static partial class ScheduleParser
{
    private static readonly Dictionary<string, DayOfWeek> WeekdayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = DayOfWeek.Monday, ["monday"] = DayOfWeek.Monday,
        ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday, ["tuesday"] = DayOfWeek.Tuesday,
        ["wed"] = DayOfWeek.Wednesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday, ["thursday"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["friday"] = DayOfWeek.Friday,
        ["sat"] = DayOfWeek.Saturday, ["saturday"] = DayOfWeek.Saturday,
        ["sun"] = DayOfWeek.Sunday, ["sunday"] = DayOfWeek.Sunday,
    };

    private static readonly Dictionary<char, DayOfWeek> ChineseWeekdays = new()
    {
        ['一'] = DayOfWeek.Monday, ['二'] = DayOfWeek.Tuesday, ['三'] = DayOfWeek.Wednesday, ['四'] = DayOfWeek.Thursday,
        ['五'] = DayOfWeek.Friday, ['六'] = DayOfWeek.Saturday, ['日'] = DayOfWeek.Sunday, ['天'] = DayOfWeek.Sunday,
    };

    public static Schedule? Parse(string text, out string? error)
    {
        error = null;
        var normalized = text.Trim().Replace('：', ':').Replace('，', ',').Replace('、', ',');
        var parts = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            error = "the schedule is empty";
            return null;
        }

        var head = parts[0].ToLowerInvariant();
        if (head == "cron")
        {
            return CronParser.Parse(text, parts[1..], out error);
        }

        if (parts.Length == 5 && (char.IsDigit(parts[0][0]) || parts[0][0] == '*'))
        {
            return CronParser.Parse(text, parts, out error);
        }

        switch (head)
        {
            case "daily" or "每天" or "每日":
                return Expect(parts, 2, "daily HH:mm", out error) && ParseTime(parts[1], out var dailyAt, out error)
                    ? new DailySchedule(dailyAt, text) : null;

            case "weekly":
            {
                if (!Expect(parts, 3, "weekly tue 10:00", out error))
                {
                    return null;
                }

                var days = new HashSet<DayOfWeek>();
                foreach (var name in parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!WeekdayNames.TryGetValue(name, out var day))
                    {
                        error = $"'{name}' is not a weekday (mon, tue, wed, thu, fri, sat, sun)";
                        return null;
                    }

                    days.Add(day);
                }

                return ParseTime(parts[2], out var weeklyAt, out error) ? new WeeklySchedule(days, weeklyAt, text) : null;
            }

            case "monthly":
            {
                if (!Expect(parts, 3, "monthly 1 10:00", out error) || !ParseTime(parts[2], out var monthlyAt, out error))
                {
                    return null;
                }

                if (parts[1].Equals("last", StringComparison.OrdinalIgnoreCase))
                {
                    return new MonthlySchedule(31, true, monthlyAt, text);
                }

                return ParseDayOfMonth(parts[1], out var dayOfMonth, out error) ? new MonthlySchedule(dayOfMonth, false, monthlyAt, text) : null;
            }
        }

        if (ChineseWeekly().Match(normalized) is { Success: true } weekly)
        {
            var days = weekly.Groups["days"].Value.Where(c => c != ',').Select(c => ChineseWeekdays[c]).ToHashSet();
            return ParseTime(weekly.Groups["time"].Value, out var at, out error) ? new WeeklySchedule(days, at, text) : null;
        }

        if (ChineseMonthly().Match(normalized) is { Success: true } monthly)
        {
            if (!ParseTime(monthly.Groups["time"].Value, out var at, out error))
            {
                return null;
            }

            if (monthly.Groups["last"].Success)
            {
                return new MonthlySchedule(31, true, at, text);
            }

            return ParseDayOfMonth(monthly.Groups["day"].Value, out var dayOfMonth, out error) ? new MonthlySchedule(dayOfMonth, false, at, text) : null;
        }

        error = $"'{parts[0]}' is not daily, weekly, monthly or a cron line";
        return null;
    }

    /// <summary>A time of day, <c>H:mm</c> or <c>HH:mm</c> (24-hour).</summary>
    public static bool ParseTime(string text, out TimeOnly time, out string? error)
    {
        error = null;
        if (TimeOnly.TryParseExact(text.Replace('：', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            return true;
        }

        error = $"'{text}' is not a time of day written HH:mm (00:00–23:59)";
        return false;
    }

    private static bool ParseDayOfMonth(string text, out int day, out string? error)
    {
        error = null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out day) && day is >= 1 and <= 31)
        {
            return true;
        }

        error = $"'{text}' is not a day of the month (1–31 or last)";
        return false;
    }

    private static bool Expect(string[] parts, int count, string example, out string? error)
    {
        error = parts.Length == count ? null : $"expected the form `{example}`";
        return error is null;
    }

    [GeneratedRegex(@"^每周(?<days>[一二三四五六日天](?:,?[一二三四五六日天])*)\s*(?<time>\d{1,2}:\d{2})$")]
    private static partial Regex ChineseWeekly();

    [GeneratedRegex(@"^每月(?:(?<last>最后一天)|(?<day>\d{1,2})[日号])\s*(?<time>\d{1,2}:\d{2})$")]
    private static partial Regex ChineseMonthly();
}
