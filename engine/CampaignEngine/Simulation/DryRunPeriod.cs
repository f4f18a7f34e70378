using CampaignEngine.Orders;

namespace CampaignEngine.Simulation;

/// <summary>The replayed days, both inclusive.</summary>
internal readonly record struct DryRunPeriod(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>
    /// Without --from/--to: the last 365 days of the data, ending on the last day with any order or
    /// logistics event. A missing end takes that day; a missing start is 364 days before the end.
    /// </summary>
    public static DryRunPeriod Default(OrderHistory history, DateOnly? from, DateOnly? to)
    {
        var last = history.LastEventDay();
        var end = to ?? (last == OrderHistory.NoDay ? DateOnly.FromDayNumber(0) : DateOnly.FromDayNumber(last));
        return new DryRunPeriod(from ?? end.AddDays(-364), end);
    }
}
