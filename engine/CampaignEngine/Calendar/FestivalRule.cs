namespace CampaignEngine.Calendar;

/// <summary>How a festival's date is found in a Gregorian year.</summary>
internal abstract class FestivalRule
{
    /// <summary>The first Gregorian year the rule can compute.</summary>
    public virtual int FirstYear => DateOnly.MinValue.Year;

    /// <summary>The last Gregorian year the rule can compute.</summary>
    public virtual int LastYear => DateOnly.MaxValue.Year - 1;

    /// <summary>The date in <paramref name="year"/>; only called with a year inside [FirstYear, LastYear].</summary>
    public abstract DateOnly DateIn(int year);

    /// <summary>The rule in words, for listings and docs ("lunar 8/15", "2nd Sunday of May").</summary>
    public abstract string Describe();
}
