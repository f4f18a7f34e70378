using CampaignEngine.Calendar;
using CampaignEngine.Dsl.Binding;

namespace CampaignEngine.Facts;

/// <summary>
/// The built-in fields and functions rules can use, by English name and Chinese alias.
/// (Skeleton: the facts issue registers every fact here.)
/// </summary>
public static class BuiltInFacts
{
    public static FactSchema<FactTable> Schema(FestivalCalendar calendar)
        => new([], []);
}
