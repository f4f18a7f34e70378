namespace CampaignEngine.Calendar;

/// <summary>The same Gregorian month and day every year (元旦 1/1, 双十一 11/11 …).</summary>
internal sealed class FixedDateRule : FestivalRule
{
    public FixedDateRule(int month, int day)
    {
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000, month))
        {
            throw new ArgumentOutOfRangeException(nameof(day), $"{month}/{day} is not a day of the year.");
        }

        Month = month;
        Day = day;
    }

    public int Month { get; }

    public int Day { get; }

    /// <summary>
    /// February 29 exists only in leap years; a shop that celebrates it gets February 28 in the
    /// other years, so the day still happens once a year (the way shops handle such anniversaries).
    /// </summary>
    public override DateOnly DateIn(int year)
        => new(year, Month, Math.Min(Day, DateTime.DaysInMonth(year, Month)));

    public override string Describe() => $"every {Month}/{Day}";
}
