using System.Globalization;

namespace CampaignEngine.Campaigns.Schedules;

/// <summary>Reads the five fields of a cron line: lists, ranges, steps (<c>*/15</c>, <c>1-5</c>, <c>mon-fri</c>), month and weekday names.</summary>
internal static class CronParser
{
    private static readonly string[] MonthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static CronSchedule? Parse(string text, string[] fields, out string? error)
    {
        error = null;
        if (fields.Length != 5)
        {
            error = $"a cron line has 5 fields (minute hour day month weekday), this one has {fields.Length}";
            return null;
        }

        var minutes = Field(fields[0], "minute", 0, 59, null, 0, ref error);
        var hours = Field(fields[1], "hour", 0, 23, null, 0, ref error);
        var daysOfMonth = Field(fields[2], "day of month", 1, 31, null, 1, ref error);
        var months = Field(fields[3], "month", 1, 12, MonthNames, 1, ref error);
        var daysOfWeek = Field(fields[4], "weekday", 0, 7, DayNames, 0, ref error);
        if (error is not null || minutes is null || hours is null || daysOfMonth is null || months is null || daysOfWeek is null)
        {
            return null;
        }

        // 7 is Sunday too.
        daysOfWeek[0] |= daysOfWeek[7];
        return new CronSchedule(text, minutes, hours, daysOfMonth, months, daysOfWeek, fields[2] != "*", fields[4] != "*");
    }

    private static bool[]? Field(string field, string what, int min, int max, string[]? names, int nameBase, ref string? error)
    {
        if (error is not null)
        {
            return null;
        }

        var set = new bool[max + 1];
        foreach (var item in field.Split(','))
        {
            var step = 1;
            var range = item;
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                if (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1)
                {
                    error = $"'{item}' in the {what} field has a bad step";
                    return null;
                }

                range = item[..slash];
            }

            int from, to;
            if (range == "*")
            {
                (from, to) = (min, max);
            }
            else
            {
                var dash = range.IndexOf('-', StringComparison.Ordinal);
                var fromText = dash >= 0 ? range[..dash] : range;
                if (!Value(fromText, names, nameBase, out from) || (dash >= 0 ? !Value(range[(dash + 1)..], names, nameBase, out to) : !Value(fromText, names, nameBase, out to)))
                {
                    error = $"'{item}' is not a valid {what} ({min}–{max})";
                    return null;
                }

                if (slash >= 0 && dash < 0)
                {
                    to = max;
                }
            }

            if (from < min || to > max || from > to)
            {
                error = $"'{item}' is outside the {what} range {min}–{max}";
                return null;
            }

            for (var value = from; value <= to; value += step)
            {
                set[value] = true;
            }
        }

        return set;
    }

    private static bool Value(string text, string[]? names, int nameBase, out int value)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        var index = names is null ? -1 : Array.FindIndex(names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        value = index + nameBase;
        return index >= 0;
    }
}
