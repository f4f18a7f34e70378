namespace CampaignEngine.Campaigns.Schedules;

/// <summary>
/// A five-field cron line (minute hour day-of-month month day-of-week) in the shop's time zone. As in
/// Vixie cron, when both day fields are restricted a day matches if either matches.
/// </summary>
public sealed record CronSchedule : Schedule
{
    private readonly bool[] minutes;
    private readonly bool[] hours;
    private readonly bool[] daysOfMonth;
    private readonly bool[] months;
    private readonly bool[] daysOfWeek;
    private readonly bool dayOfMonthRestricted;
    private readonly bool dayOfWeekRestricted;

    internal CronSchedule(string text, bool[] minutes, bool[] hours, bool[] daysOfMonth, bool[] months, bool[] daysOfWeek, bool dayOfMonthRestricted, bool dayOfWeekRestricted)
        : base(text)
    {
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.dayOfMonthRestricted = dayOfMonthRestricted;
        this.dayOfWeekRestricted = dayOfWeekRestricted;
        Times = [.. from h in Enumerable.Range(0, 24) where hours[h]
                     from m in Enumerable.Range(0, 60) where minutes[m]
                     select new TimeOnly(h, m)];
    }

    public override IReadOnlyList<TimeOnly> Times { get; }

    public override bool RunsOn(DateOnly day)
    {
        if (!months[day.Month])
        {
            return false;
        }

        var byMonthDay = daysOfMonth[day.Day];
        var byWeekDay = daysOfWeek[(int)day.DayOfWeek];
        return dayOfMonthRestricted && dayOfWeekRestricted ? byMonthDay || byWeekDay : byMonthDay && byWeekDay;
    }
}
