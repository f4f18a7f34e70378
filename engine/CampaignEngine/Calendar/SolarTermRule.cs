namespace CampaignEngine.Calendar;

/// <summary>
/// A solar term (节气) — the day, in China Standard Time (UTC+8), on which the Sun's apparent
/// ecliptic longitude reaches a multiple of 15°. 清明 (Qingming) is the term at 15°.
/// Computed astronomically (<see cref="SolarLongitude"/>), not from a date table or the 寿星 formula,
/// so no list of exception years is needed.
/// </summary>
internal sealed class SolarTermRule(double longitudeDegrees, int approximateMonth, int approximateDay) : CachedFestivalRule
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>The range in which the ΔT model and the truncated VSOP87 series are trusted to the minute.</summary>
    public override int FirstYear => 1900;

    public override int LastYear => 2100;

    protected override DateOnly Compute(int year)
    {
        var guess = new DateTime(year, approximateMonth, approximateDay, 0, 0, 0, DateTimeKind.Utc);
        var moment = SolarLongitude.MomentReaching(longitudeDegrees, guess);
        return DateOnly.FromDateTime(moment + ChinaStandardTime);
    }

    public override string Describe() => $"solar term: the Sun's apparent longitude reaches {longitudeDegrees}° (China time)";
}
