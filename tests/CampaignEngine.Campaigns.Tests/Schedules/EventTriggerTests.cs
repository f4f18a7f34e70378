using CampaignEngine.Campaigns.Schedules;

namespace CampaignEngine.Campaigns.Tests.Schedules;

public sealed class EventTriggerTests
{
    [Theory]
    [InlineData("signed + 7d", CustomerEvent.Signed, null, 7 * 24)]
    [InlineData("signed+7d", CustomerEvent.Signed, null, 7 * 24)]
    [InlineData("birthday - 3d", CustomerEvent.Birthday, null, -3 * 24)]
    [InlineData("shipped", CustomerEvent.Shipped, null, 0)]
    [InlineData("arrived + 12h", CustomerEvent.Arrived, null, 12)]
    [InlineData("order_paid + 1w", CustomerEvent.OrderPaid, null, 7 * 24)]
    [InlineData("holiday(\"中秋\") - 2d", CustomerEvent.Holiday, "中秋", -2 * 24)]
    [InlineData("holiday(\"double11\")", CustomerEvent.Holiday, "double11", 0)]
    [InlineData("签收后7天", CustomerEvent.Signed, null, 7 * 24)]
    [InlineData("生日前3天", CustomerEvent.Birthday, null, -3 * 24)]
    [InlineData("节日(“中秋”)前2天", CustomerEvent.Holiday, "中秋", -2 * 24)]
    [InlineData("发货", CustomerEvent.Shipped, null, 0)]
    [InlineData("到达同城 + 2h", CustomerEvent.Arrived, null, 2)]
    public void Events_and_offsets_parse(string text, CustomerEvent customerEvent, string? festival, int hours)
    {
        var trigger = EventTriggerParser.Parse(text, out var error);

        Assert.True(trigger is not null, error);
        Assert.Equal((customerEvent, festival, TimeSpan.FromHours(hours)), (trigger.Event, trigger.Festival, trigger.Offset));
    }

    [Theory]
    [InlineData("holiday", "holiday needs the festival's name")]
    [InlineData("shipped(\"x\")", "only holiday takes a name")]
    [InlineData("signed + 7x", "expected an event")]
    [InlineData("signd + 7d", "did you mean 'signed'")]
    [InlineData("", "expected an event")]
    public void A_trigger_that_does_not_parse_says_why(string text, string reason)
    {
        Assert.Null(EventTriggerParser.Parse(text, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void The_due_moment_is_the_event_plus_the_offset()
    {
        var trigger = EventTriggerParser.Parse("signed + 7d", out _)!;
        var signed = new DateTimeOffset(2026, 5, 1, 15, 30, 0, TimeSpan.FromHours(8));

        Assert.Equal(new DateTimeOffset(2026, 5, 8, 15, 30, 0, TimeSpan.FromHours(8)), trigger.DueAt(signed));
    }

    [Fact]
    public void A_yearly_event_is_due_on_the_day_before_it_by_the_offset()
    {
        var trigger = EventTriggerParser.Parse("birthday - 3d", out _)!;

        Assert.Equal(new DateOnly(2026, 2, 26), trigger.DueOn(new DateOnly(2026, 3, 1)));
    }
}
