namespace CampaignEngine.Calendar;

/// <summary>
/// 除夕, the last day of the 12th lunar month — the 29th or the 30th depending on the month's length,
/// which is simply the day before the next lunar New Year. It falls in the same Gregorian year as
/// that New Year (between Jan 20 and Feb 19).
/// </summary>
internal sealed class LunarNewYearsEveRule : CachedFestivalRule
{
    public override int FirstYear => LunarDateRule.FirstLunarYear;

    public override int LastYear => LunarDateRule.LastLunarYear;

    protected override DateOnly Compute(int year) => LunarDateRule.ToGregorian(year, 1, 1).AddDays(-1);

    public override string Describe() => "last day of the 12th lunar month (the day before lunar 1/1)";
}
