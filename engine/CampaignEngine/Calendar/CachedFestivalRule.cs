namespace CampaignEngine.Calendar;

/// <summary>
/// A rule whose computation is costly (lunar conversion, solar longitude iterations) and whose years are
/// few (1900–2100): each year is computed once. Facts ask for the same festival for every customer and day.
/// </summary>
internal abstract class CachedFestivalRule : FestivalRule
{
    private int[]? _dayNumbers;

    public sealed override DateOnly DateIn(int year)
    {
        // Racing threads compute the same value; an int store is atomic, 0 means "not yet".
        var cache = _dayNumbers ??= new int[LastYear - FirstYear + 1];
        var index = year - FirstYear;
        if (cache[index] == 0)
        {
            cache[index] = Compute(year).DayNumber;
        }

        return DateOnly.FromDayNumber(cache[index]);
    }

    protected abstract DateOnly Compute(int year);
}
