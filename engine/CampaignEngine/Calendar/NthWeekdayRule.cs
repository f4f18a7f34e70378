namespace CampaignEngine.Calendar;

/// <summary>The n-th given weekday of a month: Mother's Day is the 2nd Sunday of May, Father's Day the 3rd Sunday of June.</summary>
internal sealed class NthWeekdayRule(int month, DayOfWeek weekday, int nth) : FestivalRule
{
    public override DateOnly DateIn(int year)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (nth - 1)));
    }

    public override string Describe() => $"{Ordinal(nth)} {weekday} of {new DateOnly(2000, month, 1):MMMM}";

    private static string Ordinal(int n) => n switch { 1 => "1st", 2 => "2nd", 3 => "3rd", _ => $"{n}th" };
}
