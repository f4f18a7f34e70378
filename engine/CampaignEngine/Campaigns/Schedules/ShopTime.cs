namespace CampaignEngine.Campaigns.Schedules;

/// <summary>Turns a day and time on the shop's wall clock into a moment.</summary>
internal static class ShopTime
{
    public static DateTimeOffset ToMoment(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        // A wall-clock time inside a daylight-saving gap does not exist; the first valid minute after it is meant.
        var guard = 0;
        while (zone.IsInvalidTime(local) && guard++ < 24 * 60)
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
