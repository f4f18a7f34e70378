using CampaignEngine.Campaigns.Limits;

namespace CampaignEngine.Campaigns.Tests.Limits;

public sealed class LimitParserTests
{
    [Theory]
    [InlineData("1 per 14d", 1, CapWindowKind.Rolling, 14 * 24)]
    [InlineData("max 3 per 30d", 3, CapWindowKind.Rolling, 30 * 24)]
    [InlineData("2 per 12h", 2, CapWindowKind.Rolling, 12)]
    [InlineData("1 per 2w", 1, CapWindowKind.Rolling, 14 * 24)]
    [InlineData("1 per 3 days", 1, CapWindowKind.Rolling, 3 * 24)]
    [InlineData("1/7d", 1, CapWindowKind.Rolling, 7 * 24)]
    [InlineData("1 per day", 1, CapWindowKind.CalendarDay, 0)]
    [InlineData("2 per week", 2, CapWindowKind.CalendarWeek, 0)]
    [InlineData("4 per month", 4, CapWindowKind.CalendarMonth, 0)]
    [InlineData("每14天1次", 1, CapWindowKind.Rolling, 14 * 24)]
    [InlineData("每天1次", 1, CapWindowKind.CalendarDay, 0)]
    [InlineData("每周最多2次", 2, CapWindowKind.CalendarWeek, 0)]
    public void Caps_parse(string text, int count, CapWindowKind window, int hours)
        => Assert.Equal(new FrequencyCap(count, window, TimeSpan.FromHours(hours), text), LimitParser.ParseCap(text));

    [Theory]
    [InlineData("once")]
    [InlineData("0 per 14d")]
    [InlineData("1 per 14x")]
    [InlineData("1 per 0d")]
    [InlineData("1 per 2 months")]
    [InlineData("")]
    public void Bad_caps_do_not_parse(string text) => Assert.Null(LimitParser.ParseCap(text));

    [Theory]
    [InlineData("21:00", true)]
    [InlineData("23:59", true)]
    [InlineData("00:00", true)]
    [InlineData("08:59", true)]
    [InlineData("09:00", false)]
    [InlineData("20:59", false)]
    public void Quiet_hours_past_midnight_wrap(string time, bool quiet)
        => Assert.Equal(quiet, LimitParser.ParseQuietHours("21:00-09:00")!.Contains(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Quiet_hours_within_a_day_do_not_wrap()
    {
        var lunch = LimitParser.ParseQuietHours("12:00 - 13:30")!;

        Assert.True(lunch.Contains(new TimeOnly(12, 0)));
        Assert.False(lunch.Contains(new TimeOnly(13, 30)));
        Assert.False(lunch.Contains(new TimeOnly(23, 0)));
    }

    [Theory]
    [InlineData("21:00-21:00")]
    [InlineData("21:00")]
    [InlineData("9pm-9am")]
    [InlineData("21:00-25:00")]
    public void Bad_quiet_hours_do_not_parse(string text) => Assert.Null(LimitParser.ParseQuietHours(text));

    [Theory]
    [InlineData("10%", 10.0)]
    [InlineData("10", 10.0)]
    [InlineData("2.5%", 2.5)]
    [InlineData("0%", 0.0)]
    [InlineData("100%", 100.0)]
    [InlineData("10％", 10.0)]
    [InlineData("101%", null)]
    [InlineData("-1%", null)]
    [InlineData("NaN", null)]
    [InlineData("ten", null)]
    public void Holdout_percentages_parse(string text, double? percent) => Assert.Equal(percent, LimitParser.ParsePercent(text));

    [Theory]
    [InlineData("500", 500.0)]
    [InlineData("¥500", 500.0)]
    [InlineData("500元", 500.0)]
    [InlineData("99.5", 99.5)]
    [InlineData("0", null)]
    [InlineData("-5", null)]
    [InlineData("lots", null)]
    public void Money_parses(string text, double? yuan) => Assert.Equal(yuan is null ? null : (decimal)yuan.Value, LimitParser.ParseMoney(text));
}
