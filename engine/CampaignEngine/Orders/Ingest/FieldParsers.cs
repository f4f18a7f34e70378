using System.Runtime.CompilerServices;

namespace CampaignEngine.Orders.Ingest;

/// <summary>Byte-level parsers for the export's cells: shop-local times, yuan amounts to fen, counts.</summary>
internal static class FieldParsers
{
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && (value[start] == (byte)' ' || value[start] == (byte)'\t')) start++;
        while (end > start && (value[end - 1] == (byte)' ' || value[end - 1] == (byte)'\t')) end--;
        // Excel's "force text" trick: ="20240101123" or a leading tab/apostrophe on long ids.
        if (end - start >= 3 && value[start] == (byte)'=' && value[start + 1] == (byte)'"' && value[end - 1] == (byte)'"')
        {
            start += 2;
            end--;
        }

        return value[start..end];
    }

    /// <summary>
    /// <c>yyyy-MM-dd HH:mm:ss</c> (also <c>/</c> as date separator, one-digit month/day/hour, no seconds,
    /// or a date alone). Empty gives <see cref="OrderHistory.NoDay"/>. False when unparseable or invalid.
    /// </summary>
    public static bool TryParseMoment(ReadOnlySpan<byte> text, out int day, out int second)
    {
        day = OrderHistory.NoDay;
        second = 0;
        if (text.IsEmpty)
        {
            return true;
        }

        if (text.Length == 19 && TryParseCanonical(text, out day, out second))
        {
            return true;
        }

        day = OrderHistory.NoDay;
        var p = 0;
        if (!Number(text, ref p, 4, 4, out var year) || !Separator(text, ref p, out var separator)
            || !Number(text, ref p, 1, 2, out var month) || p >= text.Length || text[p++] != separator
            || !Number(text, ref p, 1, 2, out var dayOfMonth))
        {
            return false;
        }

        if (year < 1900 || month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        day = DayNumber(year, month, dayOfMonth);
        if (p == text.Length)
        {
            return true;
        }

        if (text[p] != (byte)' ' && text[p] != (byte)'T')
        {
            return false;
        }

        p++;
        if (!Number(text, ref p, 1, 2, out var hour) || p >= text.Length || text[p++] != (byte)':' || !Number(text, ref p, 2, 2, out var minute))
        {
            return false;
        }

        var sec = 0;
        if (p < text.Length && (text[p++] != (byte)':' || !Number(text, ref p, 2, 2, out sec)))
        {
            return false;
        }

        if (p != text.Length || hour > 23 || minute > 59 || sec > 59)
        {
            return false;
        }

        second = hour * 3600 + minute * 60 + sec;
        return true;
    }

    private static ReadOnlySpan<byte> DaysInMonthTable => [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    /// <summary>The export's own format, <c>yyyy-MM-dd HH:mm:ss</c>, by fixed positions: the hot path of every row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryParseCanonical(ReadOnlySpan<byte> t, out int day, out int second)
    {
        day = 0;
        second = 0;
        if (t[4] != (byte)'-' || t[7] != (byte)'-' || t[10] != (byte)' ' || t[13] != (byte)':' || t[16] != (byte)':')
        {
            return false;
        }

        uint d0 = (uint)(t[0] - '0'), d1 = (uint)(t[1] - '0'), d2 = (uint)(t[2] - '0'), d3 = (uint)(t[3] - '0');
        uint d5 = (uint)(t[5] - '0'), d6 = (uint)(t[6] - '0'), d8 = (uint)(t[8] - '0'), d9 = (uint)(t[9] - '0');
        uint d11 = (uint)(t[11] - '0'), d12 = (uint)(t[12] - '0'), d14 = (uint)(t[14] - '0'), d15 = (uint)(t[15] - '0');
        uint d17 = (uint)(t[17] - '0'), d18 = (uint)(t[18] - '0');
        var anyNotDigit = d0 > 9 || d1 > 9 || d2 > 9 || d3 > 9 || d5 > 9 || d6 > 9 || d8 > 9 || d9 > 9 || d11 > 9 || d12 > 9 || d14 > 9 || d15 > 9 || d17 > 9 || d18 > 9;
        var year = (int)(d0 * 1000 + d1 * 100 + d2 * 10 + d3);
        var month = (int)(d5 * 10 + d6);
        var dayOfMonth = (int)(d8 * 10 + d9);
        var hour = (int)(d11 * 10 + d12);
        var minute = (int)(d14 * 10 + d15);
        var sec = (int)(d17 * 10 + d18);
        if (anyNotDigit || year < 1900 || month is < 1 or > 12 || dayOfMonth < 1 || hour > 23 || minute > 59 || sec > 59)
        {
            return false;
        }

        var monthDays = month == 2 && DateTime.IsLeapYear(year) ? 29 : DaysInMonthTable[month];
        if (dayOfMonth > monthDays)
        {
            return false;
        }

        day = DayNumber(year, month, dayOfMonth);
        second = hour * 3600 + minute * 60 + sec;
        return true;
    }

    /// <summary>Yuan with at most two decimals (<c>128</c>, <c>128.5</c>, <c>-3.00</c>, <c>¥99.00</c>) to exact integer fen.</summary>
    public static bool TryParseFen(ReadOnlySpan<byte> text, out long fen)
    {
        fen = 0;
        var p = 0;
        var negative = false;
        if (p < text.Length && text[p] == (byte)'-')
        {
            negative = true;
            p++;
        }

        if (text[p..].StartsWith("¥"u8)) p += 2;
        else if (text[p..].StartsWith("￥"u8)) p += 3;

        var digits = 0;
        long yuan = 0;
        while (p < text.Length && (uint)(text[p] - '0') <= 9)
        {
            if (++digits > 15) return false;
            yuan = yuan * 10 + (text[p++] - '0');
        }

        long cents = 0;
        if (p < text.Length && text[p] == (byte)'.')
        {
            p++;
            var decimals = 0;
            while (p < text.Length && (uint)(text[p] - '0') <= 9)
            {
                if (++decimals > 2) return false; // 0.001 yuan is no money a shop can charge
                cents = cents * 10 + (text[p++] - '0');
            }

            if (decimals == 1) cents *= 10;
            if (decimals == 0 && digits == 0) return false;
        }
        else if (digits == 0)
        {
            return false;
        }

        if (p != text.Length)
        {
            return false;
        }

        fen = yuan * 100 + cents;
        if (negative) fen = -fen;
        return true;
    }

    public static bool TryParseInt(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        var p = 0;
        var negative = text.Length > 0 && text[0] == (byte)'-';
        if (negative) p++;
        if (p == text.Length || text.Length - p > 9) return false;
        for (; p < text.Length; p++)
        {
            if ((uint)(text[p] - '0') > 9) return false;
            value = value * 10 + (text[p] - '0');
        }

        if (negative) value = -value;
        return true;
    }

    /// <summary>Proleptic Gregorian day number, equal to <see cref="DateOnly.DayNumber"/> (days since 0001-01-01).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DayNumber(int year, int month, int day)
    {
        // Howard Hinnant's days_from_civil, shifted to DateOnly's epoch.
        var y = month <= 2 ? year - 1 : year;
        var era = y / 400;
        var yoe = y - era * 400;
        var doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        var doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 306;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Number(ReadOnlySpan<byte> text, ref int p, int minDigits, int maxDigits, out int value)
    {
        value = 0;
        var start = p;
        while (p < text.Length && p - start < maxDigits && (uint)(text[p] - '0') <= 9)
        {
            value = value * 10 + (text[p++] - '0');
        }

        return p - start >= minDigits;
    }

    private static bool Separator(ReadOnlySpan<byte> text, ref int p, out byte separator)
    {
        separator = p < text.Length ? text[p] : (byte)0;
        p++;
        return separator is (byte)'-' or (byte)'/';
    }
}
