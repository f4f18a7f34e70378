using CampaignEngine.Calendar;

namespace CampaignEngine.Calendar.Tests;

/// <summary>Looks a festival up by name in the default calendar and gives its date, failing the test if the name is unknown.</summary>
internal static class KnownFestival
{
    public static DateOnly DateOf(string name, int year)
    {
        Assert.True(FestivalCalendar.Default.TryFind(name, out var festival), $"'{name}' is not a known festival");
        return FestivalCalendar.Default.DateIn(festival, year);
    }
}
