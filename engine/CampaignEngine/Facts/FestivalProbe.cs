using CampaignEngine.Calendar;

namespace CampaignEngine.Facts;

/// <summary>
/// is_holiday / days_to_holiday for one festival named by a literal: resolved once at compile time and
/// cached per evaluation date, since every customer of a table shares the date.
/// </summary>
internal sealed class FestivalProbe(FestivalCalendar calendar, Festival festival)
{
    private sealed record Cached(int Day, int DaysTo);

    private Cached? _cached;

    public bool IsToday(FactTable t) => DaysTo(t) == 0;

    public double DaysFrom(FactTable t) => DaysTo(t);

    private int DaysTo(FactTable t)
    {
        var cached = _cached;
        if (cached is null || cached.Day != t.Day)
        {
            _cached = cached = new Cached(t.Day, calendar.NextOnOrAfter(festival, t.Date).DayNumber - t.Day);
        }

        return cached.DaysTo;
    }

    /// <summary>For a festival name that is not a literal: looked up per call (slower, rare).</summary>
    public static double DaysTo(FestivalCalendar calendar, string? name, FactTable t)
        => name is not null && calendar.TryFind(name, out var festival) ? calendar.NextOnOrAfter(festival, t.Date).DayNumber - t.Day : double.NaN;
}
