using CampaignEngine.Campaigns.Limits;
using CampaignEngine.Guards;
using CampaignEngine.State;

namespace CampaignEngine.Campaigns.Tests.Guards;

public sealed class FrequencyCapGuardTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static DateTimeOffset Shop(int month, int day, int hour = 10, int minute = 0)
        => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static FrequencyCap Cap(string text) => LimitParser.ParseCap(text)!;

    private static InMemoryContactHistory History(params (string Campaign, DateTimeOffset At)[] sends)
    {
        var history = new InMemoryContactHistory();
        foreach (var (campaign, at) in sends)
        {
            history.Record(new Contact(campaign, "r", "c1", "sms", at, $"{campaign}/r/c1/{at:O}"));
        }

        return history;
    }

    [Fact]
    public void A_rolling_window_is_exactly_n_times_24_hours()
    {
        var guard = new FrequencyCapGuard(History(("a", Shop(3, 1, 10))), [], Shanghai);

        // 14×24 hours after the send is outside the window; one minute earlier is inside.
        Assert.NotNull(guard.Check("a", Cap("1 per 14d"), "c1", Shop(3, 15, 9, 59)));
        Assert.Null(guard.Check("a", Cap("1 per 14d"), "c1", Shop(3, 15, 10, 0)));
    }

    [Fact]
    public void A_send_at_the_same_moment_counts()
    {
        var guard = new FrequencyCapGuard(History(("a", Shop(3, 1, 10))), [Cap("1 per day")], Shanghai);

        Assert.NotNull(guard.Check("b", null, "c1", Shop(3, 1, 10)));
    }

    [Fact]
    public void A_campaign_cap_counts_only_that_campaigns_sends()
    {
        var guard = new FrequencyCapGuard(History(("other", Shop(3, 1))), [], Shanghai);

        Assert.Null(guard.Check("a", Cap("1 per 14d"), "c1", Shop(3, 2)));
    }

    [Fact]
    public void A_global_cap_counts_every_campaign()
    {
        var guard = new FrequencyCapGuard(History(("a", Shop(3, 1)), ("b", Shop(3, 5)), ("c", Shop(3, 20))), [Cap("max 3 per 30d")], Shanghai);

        var suppression = guard.Check("d", null, "c1", Shop(3, 25));

        Assert.Equal(("frequency_cap", "global_cap"), (suppression!.Guard, suppression.ReasonCode));
        Assert.Null(guard.Check("d", null, "c1", Shop(3, 31, 10, 1)));
    }

    [Fact]
    public void A_calendar_day_starts_at_the_shops_midnight()
    {
        var guard = new FrequencyCapGuard(History(("a", Shop(3, 1, 23, 59))), [Cap("1 per day")], Shanghai);

        Assert.NotNull(guard.Check("b", null, "c1", Shop(3, 1, 23, 59).AddSeconds(30)));
        Assert.Null(guard.Check("b", null, "c1", Shop(3, 2, 0, 0)));
    }

    [Fact]
    public void A_calendar_week_runs_monday_to_sunday()
    {
        // 2026-11-01 is a Sunday, 11-02 a Monday.
        var guard = new FrequencyCapGuard(History(("a", Shop(11, 1, 20)), ("a", Shop(11, 2, 9))), [], Shanghai);

        Assert.Null(guard.Check("a", Cap("2 per week"), "c1", Shop(11, 8, 23, 59)));
        Assert.NotNull(guard.Check("a", Cap("1 per week"), "c1", Shop(11, 8, 23, 59)));
        Assert.Null(guard.Check("a", Cap("1 per week"), "c1", Shop(11, 9, 0, 0)));
    }

    [Fact]
    public void A_calendar_month_starts_on_the_first()
    {
        var guard = new FrequencyCapGuard(History(("a", Shop(1, 31, 12))), [], Shanghai);

        Assert.NotNull(guard.Check("a", Cap("1 per month"), "c1", Shop(1, 31, 13)));
        Assert.Null(guard.Check("a", Cap("1 per month"), "c1", Shop(2, 1, 0, 0)));
    }

    [Fact]
    public void Recording_the_same_send_twice_counts_once()
    {
        var history = new InMemoryContactHistory();
        var contact = new Contact("a", "r", "c1", "sms", Shop(3, 1), "a/r/c1/2026-03-01");

        Assert.True(history.Record(contact));
        Assert.False(history.Record(contact with { At = Shop(3, 2) }));
        Assert.Single(history.ContactsOf("c1", Shop(1, 1), Shop(12, 31)));
        Assert.True(history.Contains("a/r/c1/2026-03-01"));
    }

    [Fact]
    public void Contacts_come_back_oldest_first_in_a_half_open_range()
    {
        var history = History(("a", Shop(3, 5)), ("a", Shop(3, 1)), ("a", Shop(3, 3)));

        Assert.Equal([Shop(3, 1), Shop(3, 3)], history.ContactsOf("c1", Shop(3, 1), Shop(3, 5)).Select(c => c.At));
    }
}
