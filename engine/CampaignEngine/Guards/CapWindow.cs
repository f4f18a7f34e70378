using CampaignEngine.Campaigns.Limits;

namespace CampaignEngine.Guards;

/// <summary>
/// Where a frequency cap's window starts for a send at a moment: rolling windows look back exactly
/// N×24 hours (<c>1 per 14d</c> = no other send in the 336 hours before; one sent exactly 336 hours
/// earlier no longer counts), calendar windows start at the shop's midnight of the day, of the week's
/// Monday, or of the month's first day. The window includes the moment itself, so two campaigns
/// deciding at the same minute see each other's sends.
/// </summary>
internal static class CapWindow
{
    public static DateTimeOffset Start(FrequencyCap cap, DateTimeOffset at, TimeZoneInfo zone)
    {
        if (cap.Window == CapWindowKind.Rolling)
        {
            return at - cap.Length + TimeSpan.FromTicks(1);
        }

        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        var first = cap.Window switch
        {
            CapWindowKind.CalendarDay => local,
            CapWindowKind.CalendarWeek => local.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
            _ => new DateOnly(local.Year, local.Month, 1),
        };
        return Campaigns.Schedules.ShopTime.ToMoment(first, TimeOnly.MinValue, zone);
    }

    /// <summary>The end of the window, exclusive: just after the moment of the send.</summary>
    public static DateTimeOffset End(DateTimeOffset at) => at + TimeSpan.FromTicks(1);
}
