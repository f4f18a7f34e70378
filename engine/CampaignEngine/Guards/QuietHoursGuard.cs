using CampaignEngine.Campaigns.Limits;
using CampaignEngine.Campaigns.Schedules;

namespace CampaignEngine.Guards;

/// <summary>
/// Quiet hours defer, never drop: a send due inside <c>21:00-09:00</c> goes out at the next 09:00 on the
/// shop's clock (the same night's morning, even when it was due before midnight).
/// </summary>
internal static class QuietHoursGuard
{
    public static DateTimeOffset SendAt(DateTimeOffset due, QuietHours? quiet, TimeZoneInfo zone)
    {
        if (quiet is null)
        {
            return due;
        }

        var local = TimeZoneInfo.ConvertTime(due, zone).DateTime;
        var time = TimeOnly.FromDateTime(local);
        if (!quiet.Contains(time))
        {
            return due;
        }

        var day = DateOnly.FromDateTime(local);
        // Past the start on a range that wraps midnight, the end is tomorrow's.
        var endDay = quiet.From > quiet.Until && time >= quiet.From ? day.AddDays(1) : day;
        return ShopTime.ToMoment(endDay, quiet.Until, zone);
    }
}
