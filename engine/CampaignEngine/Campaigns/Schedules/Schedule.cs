namespace CampaignEngine.Campaigns.Schedules;

/// <summary>
/// When a scheduled campaign runs: on which days of the shop's calendar and at which times of day.
/// Everything is a pure function of the times passed in, so the dry-run and the live scheduler agree.
/// </summary>
public abstract record Schedule(string Text)
{
    /// <summary>True when the campaign runs on this day (in the shop's time zone).</summary>
    public abstract bool RunsOn(DateOnly day);

    /// <summary>The times of day it runs on such a day, ascending.</summary>
    public abstract IReadOnlyList<TimeOnly> Times { get; }

    /// <summary>
    /// Every moment the campaign is due with <paramref name="from"/> ≤ moment &lt; <paramref name="to"/>
    /// (half-open, so consecutive windows never see a moment twice), ascending. A local time that does not
    /// exist (a daylight-saving gap; never in Asia/Shanghai) moves to the first minute after the gap.
    /// </summary>
    public IEnumerable<DateTimeOffset> DueMoments(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        if (to <= from)
        {
            yield break;
        }

        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime);
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            if (!RunsOn(day))
            {
                continue;
            }

            foreach (var time in Times)
            {
                var moment = ShopTime.ToMoment(day, time, zone);
                if (moment >= from && moment < to)
                {
                    yield return moment;
                }
            }
        }
    }
}

/// <summary>Every day at one time: <c>daily 10:00</c>, <c>每天 10:00</c>.</summary>
public sealed record DailySchedule(TimeOnly At, string Text) : Schedule(Text)
{
    public override bool RunsOn(DateOnly day) => true;

    public override IReadOnlyList<TimeOnly> Times => [At];
}

/// <summary>On some weekdays at one time: <c>weekly tue 10:00</c>, <c>每周二 10:00</c> — the fixed weekly new-arrival cadence.</summary>
public sealed record WeeklySchedule(IReadOnlySet<DayOfWeek> Days, TimeOnly At, string Text) : Schedule(Text)
{
    public override bool RunsOn(DateOnly day) => Days.Contains(day.DayOfWeek);

    public override IReadOnlyList<TimeOnly> Times => [At];
}

/// <summary>
/// On one day of each month at one time: <c>monthly 1 10:00</c>. A day the month does not have
/// (<c>monthly 31</c> in April) falls on the month's last day, so no month is skipped;
/// <see cref="LastDay"/> is <c>monthly last 10:00</c>.
/// </summary>
public sealed record MonthlySchedule(int DayOfMonth, bool LastDay, TimeOnly At, string Text) : Schedule(Text)
{
    public override bool RunsOn(DateOnly day)
    {
        var daysInMonth = DateTime.DaysInMonth(day.Year, day.Month);
        return LastDay ? day.Day == daysInMonth : day.Day == Math.Min(DayOfMonth, daysInMonth);
    }

    public override IReadOnlyList<TimeOnly> Times => [At];
}
