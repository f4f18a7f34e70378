using CampaignEngine.Calendar;

namespace CampaignEngine.Calendar.Tests;

public sealed class ShopDayTests
{
    [Fact]
    public void A_shop_day_is_found_by_its_names_and_falls_on_its_date_every_year()
    {
        var calendar = FestivalCalendar.Default.WithShopDays([new ShopDay("shop_anniversary", "店庆", 9, 9, ["Anniversary", "周年庆"])]);

        Assert.True(calendar.TryFind("店庆", out var day));
        Assert.True(calendar.TryFind("周年庆", out _));
        Assert.True(calendar.TryFind("shop anniversary", out _));
        Assert.Equal(new DateOnly(2025, 9, 9), calendar.DateIn(day, 2025));
        Assert.Equal(new DateOnly(2026, 9, 9), calendar.NextOnOrAfter(day, new DateOnly(2025, 9, 10)));
    }

    [Fact]
    public void Shop_days_do_not_change_the_default_calendar()
    {
        _ = FestivalCalendar.Default.WithShopDays([new ShopDay("member_day", "会员日", 8, 8, [])]);

        Assert.False(FestivalCalendar.Default.TryFind("会员日", out _));
    }

    [Fact]
    public void A_shop_day_on_february_29_falls_on_the_28th_in_common_years()
    {
        var calendar = FestivalCalendar.Default.WithShopDays([new ShopDay("leap_sale", "闰日特卖", 2, 29, [])]);
        Assert.True(calendar.TryFind("leap_sale", out var day));

        Assert.Equal(new DateOnly(2028, 2, 29), calendar.DateIn(day, 2028));
        Assert.Equal(new DateOnly(2025, 2, 28), calendar.DateIn(day, 2025));
    }

    [Fact]
    public void A_shop_day_with_an_impossible_date_is_reported_with_its_id()
    {
        var ok = FestivalCalendar.Default.TryWithShopDays([new ShopDay("bad_day", "坏日子", 2, 30, [])], out _, out var errors);

        Assert.False(ok);
        Assert.Contains(errors, e => e.Contains("bad_day") && e.Contains("2/30"));
    }

    [Fact]
    public void A_shop_day_may_not_take_a_built_in_festival_name()
    {
        var error = Assert.Throws<ArgumentException>(
            () => FestivalCalendar.Default.WithShopDays([new ShopDay("my_sale", "双11", 11, 1, [])]));

        Assert.Contains("双11", error.Message);
        Assert.Contains("double11", error.Message);
    }

    [Fact]
    public void Two_shop_days_may_not_share_a_name()
    {
        var ok = FestivalCalendar.Default.TryWithShopDays(
            [new ShopDay("member_day", "会员日", 8, 8, []), new ShopDay("vip_day", "会员日", 9, 8, [])], out _, out var errors);

        Assert.False(ok);
        Assert.Single(errors);
        Assert.Contains("member_day", errors[0]);
    }
}
