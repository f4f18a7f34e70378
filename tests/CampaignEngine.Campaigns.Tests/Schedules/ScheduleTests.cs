using CampaignEngine.Campaigns.Schedules;

namespace CampaignEngine.Campaigns.Tests.Schedules;

public sealed class ScheduleTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static Schedule Parse(string text)
    {
        var schedule = ScheduleParser.Parse(text, out var error);
        Assert.True(schedule is not null, error);
        return schedule;
    }

    private static DateTimeOffset Shop(int year, int month, int day, int hour = 0, int minute = 0)
        => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static List<DateTimeOffset> Due(string schedule, DateTimeOffset from, DateTimeOffset to)
        => Parse(schedule).DueMoments(from, to, Shanghai).ToList();

    [Theory]
    [InlineData("daily 10:00")]
    [InlineData("每天 10:00")]
    [InlineData("每日 10：00")]
    public void Daily_forms_run_every_day_at_the_time(string text)
        => Assert.Equal(new DailySchedule(new TimeOnly(10, 0), text), Parse(text));

    [Theory]
    [InlineData("weekly tue 10:00", new[] { DayOfWeek.Tuesday })]
    [InlineData("weekly Tuesday 10:00", new[] { DayOfWeek.Tuesday })]
    [InlineData("weekly tue,fri 10:00", new[] { DayOfWeek.Tuesday, DayOfWeek.Friday })]
    [InlineData("每周二 10:00", new[] { DayOfWeek.Tuesday })]
    [InlineData("每周二、五 10:00", new[] { DayOfWeek.Tuesday, DayOfWeek.Friday })]
    [InlineData("每周日 10:00", new[] { DayOfWeek.Sunday })]
    public void Weekly_forms_run_on_their_weekdays(string text, DayOfWeek[] days)
    {
        var weekly = Assert.IsType<WeeklySchedule>(Parse(text));

        Assert.Equal(days.ToHashSet(), weekly.Days.ToHashSet());
        Assert.Equal(new TimeOnly(10, 0), weekly.At);
    }

    [Theory]
    [InlineData("monthly 1 10:00", 1, false)]
    [InlineData("monthly last 10:00", 31, true)]
    [InlineData("每月15日 10:00", 15, false)]
    [InlineData("每月1号 10:00", 1, false)]
    [InlineData("每月最后一天 10:00", 31, true)]
    public void Monthly_forms_run_on_their_day(string text, int day, bool last)
    {
        var monthly = Assert.IsType<MonthlySchedule>(Parse(text));

        Assert.Equal((day, last), (monthly.DayOfMonth, monthly.LastDay));
    }

    [Theory]
    [InlineData("daily 25:00", "'25:00' is not a time of day")]
    [InlineData("daily", "expected the form `daily HH:mm`")]
    [InlineData("weekly tuesdy 10:00", "'tuesdy' is not a weekday")]
    [InlineData("weekly 10:00", "expected the form `weekly tue 10:00`")]
    [InlineData("monthly 32 10:00", "'32' is not a day of the month")]
    [InlineData("hourly", "'hourly' is not daily, weekly, monthly or a cron line")]
    [InlineData("0 25 * * *", "'25' is outside the hour range 0–23")]
    [InlineData("0 10 * *", "'0' is not daily")]
    [InlineData("cron 0 10 * *", "a cron line has 5 fields")]
    [InlineData("0 10 * * funday", "'funday' is not a valid weekday")]
    [InlineData("*/0 10 * * *", "bad step")]
    public void A_schedule_that_does_not_parse_says_why(string text, string reason)
    {
        Assert.Null(ScheduleParser.Parse(text, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Daily_is_due_once_a_day_in_shop_time()
    {
        var due = Due("daily 10:00", Shop(2026, 3, 1), Shop(2026, 3, 4));

        Assert.Equal([Shop(2026, 3, 1, 10), Shop(2026, 3, 2, 10), Shop(2026, 3, 3, 10)], due);
        Assert.All(due, moment => Assert.Equal(TimeSpan.FromHours(8), moment.Offset));
    }

    [Fact]
    public void The_window_is_half_open_so_consecutive_windows_never_repeat_a_moment()
    {
        var first = Due("daily 10:00", Shop(2026, 3, 1, 10), Shop(2026, 3, 2, 10));
        var second = Due("daily 10:00", Shop(2026, 3, 2, 10), Shop(2026, 3, 3, 10));

        Assert.Equal([Shop(2026, 3, 1, 10)], first);
        Assert.Equal([Shop(2026, 3, 2, 10)], second);
    }

    [Fact]
    public void Days_are_the_shops_days_not_UTC_days()
    {
        // 07:00 in Shanghai is 23:00 UTC the day before: a UTC day from 00:00Z holds the next Shanghai morning.
        var due = Due("daily 07:00", new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal([Shop(2026, 3, 2, 7)], due);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero), due[0].ToUniversalTime());
    }

    [Fact]
    public void Moments_just_before_and_after_midnight_belong_to_their_own_day()
    {
        var due = Due("daily 23:59", Shop(2026, 12, 31, 23, 59), Shop(2027, 1, 1, 0, 1));
        var midnight = Due("daily 00:00", Shop(2026, 12, 31, 23, 59), Shop(2027, 1, 1, 0, 1));

        Assert.Equal([Shop(2026, 12, 31, 23, 59)], due);
        Assert.Equal([Shop(2027, 1, 1)], midnight);
    }

    [Fact]
    public void Weekly_is_due_on_its_weekdays_only()
    {
        // 2026-11-02 is a Monday.
        var due = Due("weekly tue,fri 10:00", Shop(2026, 11, 2), Shop(2026, 11, 16));

        Assert.Equal([Shop(2026, 11, 3, 10), Shop(2026, 11, 6, 10), Shop(2026, 11, 10, 10), Shop(2026, 11, 13, 10)], due);
    }

    [Fact]
    public void A_day_the_month_does_not_have_falls_on_its_last_day()
    {
        var due = Due("monthly 31 10:00", Shop(2026, 1, 1), Shop(2026, 5, 1));

        Assert.Equal([Shop(2026, 1, 31, 10), Shop(2026, 2, 28, 10), Shop(2026, 3, 31, 10), Shop(2026, 4, 30, 10)], due);
    }

    [Fact]
    public void Monthly_on_the_29th_lands_on_the_29th_in_a_leap_February()
    {
        Assert.Equal([Shop(2028, 2, 29, 9)], Due("monthly 29 09:00", Shop(2028, 2, 1), Shop(2028, 3, 1)));
        Assert.Equal([Shop(2027, 2, 28, 9)], Due("monthly 29 09:00", Shop(2027, 2, 1), Shop(2027, 3, 1)));
    }

    [Fact]
    public void Monthly_last_is_due_on_every_month_end()
    {
        var due = Due("monthly last 20:00", Shop(2026, 1, 15), Shop(2026, 4, 15));

        Assert.Equal([Shop(2026, 1, 31, 20), Shop(2026, 2, 28, 20), Shop(2026, 3, 31, 20)], due);
    }

    [Fact]
    public void Monthly_crosses_the_year_end()
    {
        Assert.Equal([Shop(2026, 12, 1, 10), Shop(2027, 1, 1, 10)], Due("monthly 1 10:00", Shop(2026, 11, 15), Shop(2027, 1, 15)));
    }

    [Fact]
    public void Cron_runs_at_every_listed_minute_of_every_listed_hour()
    {
        var due = Due("*/30 9-10 * * *", Shop(2026, 3, 1), Shop(2026, 3, 2));

        Assert.Equal([Shop(2026, 3, 1, 9), Shop(2026, 3, 1, 9, 30), Shop(2026, 3, 1, 10), Shop(2026, 3, 1, 10, 30)], due);
    }

    [Fact]
    public void Cron_with_weekday_names_matches_the_weekly_form()
    {
        var cron = Due("0 10 * * tue", Shop(2026, 11, 1), Shop(2026, 12, 1));
        var weekly = Due("weekly tue 10:00", Shop(2026, 11, 1), Shop(2026, 12, 1));

        Assert.Equal(4, cron.Count);
        Assert.Equal(weekly, cron);
    }

    [Fact]
    public void Cron_with_both_day_fields_restricted_runs_when_either_matches()
    {
        // The 1st of the month or any Monday, as in Vixie cron. 2026-06-01 is a Monday.
        var due = Due("0 9 1 * mon", Shop(2026, 6, 1), Shop(2026, 7, 2));

        Assert.Equal([1, 8, 15, 22, 29, 1], due.Select(d => d.Day));
    }

    [Fact]
    public void Cron_sunday_may_be_written_0_or_7()
    {
        Assert.Equal(Due("0 9 * * 0", Shop(2026, 3, 1), Shop(2026, 4, 1)), Due("0 9 * * 7", Shop(2026, 3, 1), Shop(2026, 4, 1)));
    }

    [Fact]
    public void Cron_month_names_restrict_the_months()
    {
        var due = Due("cron 0 10 11 nov *", Shop(2026, 1, 1), Shop(2028, 1, 1));

        Assert.Equal([Shop(2026, 11, 11, 10), Shop(2027, 11, 11, 10)], due);
    }

    [Fact]
    public void An_empty_or_reversed_window_has_no_moments()
    {
        Assert.Empty(Due("daily 10:00", Shop(2026, 3, 2), Shop(2026, 3, 1)));
        Assert.Empty(Due("daily 10:00", Shop(2026, 3, 2), Shop(2026, 3, 2)));
    }

    [Fact]
    public void A_year_of_daily_moments_has_one_per_day()
    {
        Assert.Equal(365, Due("daily 10:00", Shop(2026, 1, 1), Shop(2027, 1, 1)).Count);
        Assert.Equal(366, Due("daily 10:00", Shop(2028, 1, 1), Shop(2029, 1, 1)).Count);
    }

    [Fact]
    public void A_wall_clock_time_in_a_daylight_saving_gap_moves_past_the_gap()
    {
        // Shanghai has no DST; New York skips 02:00–03:00 on 2026-03-08.
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var due = Parse("daily 02:30").DueMoments(new DateTimeOffset(2026, 3, 8, 0, 0, 0, TimeSpan.FromHours(-5)), new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.FromHours(-4)), newYork).ToList();

        Assert.Equal([new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.FromHours(-4))], due);
    }
}
