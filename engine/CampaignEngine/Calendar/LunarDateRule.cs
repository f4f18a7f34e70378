using System.Globalization;

namespace CampaignEngine.Calendar;

/// <summary>
/// A day of the Chinese lunisolar calendar (春节 1/1, 端午 5/5, 中秋 8/15 …), converted with
/// <see cref="ChineseLunisolarCalendar"/>. Every festival month lies in the lunar year that starts in
/// the same Gregorian year (lunar 1/1 falls between Jan 21 and Feb 20, lunar 9/9 before December),
/// so the Gregorian year is the lunar year.
/// </summary>
internal sealed class LunarDateRule(int month, int day) : CachedFestivalRule
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>1901: the calendar starts at 1901-02-19 (lunar 1901/1/1).</summary>
    public static int FirstLunarYear => Lunar.GetYear(Lunar.MinSupportedDateTime);

    /// <summary>2100: the calendar ends at 2101-01-28 (the last day of lunar 2100).</summary>
    public static int LastLunarYear => Lunar.GetYear(Lunar.MaxSupportedDateTime);

    public override int FirstYear => FirstLunarYear;

    public override int LastYear => LastLunarYear;

    protected override DateOnly Compute(int year) => ToGregorian(year, month, day);

    public override string Describe() => $"lunar {month}/{day}";

    /// <summary>
    /// .NET numbers the months of a lunar year 1..13 when it has a leap month: GetLeapMonth returns the
    /// index of the leap month (7 when the leap month follows the 6th month, as in 2025), and every
    /// month from that index on is shifted by one. Without this shift 2025's Mid-Autumn (8/15) would
    /// be read as index 8 — the 7th month — and land on 2025-09-06, a month early, instead of 2025-10-06.
    /// </summary>
    internal static DateOnly ToGregorian(int lunarYear, int lunarMonth, int lunarDay)
    {
        var leapIndex = Lunar.GetLeapMonth(lunarYear);
        var index = leapIndex != 0 && lunarMonth >= leapIndex ? lunarMonth + 1 : lunarMonth;
        return DateOnly.FromDateTime(Lunar.ToDateTime(lunarYear, index, lunarDay, 0, 0, 0, 0));
    }
}
