namespace CampaignEngine.Calendar;

/// <summary>A festival the calendar knows: its canonical English id, Chinese name and every alias a marketer may type.</summary>
public sealed record Festival(string Id, string ChineseName, IReadOnlyList<string> Aliases);

/// <summary>
/// Festivals by name in English and Chinese — lunar ones computed with ChineseLunisolarCalendar,
/// fixed-date and nth-weekday ones by rule, plus shop-defined days from the engine config.
/// (Skeleton: the calendar issue implements it; the signatures are the contract facts code against.)
/// </summary>
public sealed class FestivalCalendar
{
    /// <summary>The built-in festivals.</summary>
    public static FestivalCalendar Default { get; } = new();

    /// <summary>All festivals known, for listings and "did you mean" suggestions.</summary>
    public IReadOnlyList<Festival> Festivals => throw new NotImplementedException();

    /// <summary>Finds a festival by id, Chinese name or alias (case-insensitive): "mid_autumn", "中秋", "Mid-Autumn".</summary>
    public bool TryFind(string name, out Festival festival) => throw new NotImplementedException();

    /// <summary>The festival's date in a Gregorian year.</summary>
    public DateOnly DateIn(Festival festival, int year) => throw new NotImplementedException();

    /// <summary>The first date on or after <paramref name="from"/> when the festival falls.</summary>
    public DateOnly NextOnOrAfter(Festival festival, DateOnly from) => throw new NotImplementedException();

    /// <summary>A calendar with the shop's own days added (from the engine config).</summary>
    public FestivalCalendar WithShopDays(IEnumerable<ShopDay> days) => throw new NotImplementedException();
}

/// <summary>A shop-defined day: an id, a Chinese name and its month/day (every year) or a fixed date.</summary>
public sealed record ShopDay(string Id, string ChineseName, int Month, int Day, IReadOnlyList<string> Aliases);
