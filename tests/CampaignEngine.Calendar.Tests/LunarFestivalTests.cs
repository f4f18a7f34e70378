using CampaignEngine.Calendar;
using static CampaignEngine.Calendar.Tests.KnownFestival;

namespace CampaignEngine.Calendar.Tests;

/// <summary>
/// Known dates of the lunar festivals. Expected values are the dates published in the State Council's
/// public-holiday notices (春节, 端午, 中秋) and common almanacs, not output of the code under test.
/// </summary>
public sealed class LunarFestivalTests
{
    private static readonly FestivalCalendar Calendar = FestivalCalendar.Default;

    [Theory]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    public void Spring_festival_falls_on_lunar_new_year(int year, string expected)
        => Assert.Equal(DateOnly.Parse(expected), DateOf("spring_festival", year));

    [Theory]
    [InlineData(2022, "2022-09-10")]
    [InlineData(2023, "2023-09-29")]
    [InlineData(2024, "2024-09-17")]
    [InlineData(2025, "2025-10-06")] // 2025 has a leap 6th month: without the shift this comes out a month late
    [InlineData(2026, "2026-09-25")]
    [InlineData(2028, "2028-10-03")] // 2028 has a leap 5th month
    public void Mid_autumn_falls_on_the_15th_of_the_8th_lunar_month(int year, string expected)
        => Assert.Equal(DateOnly.Parse(expected), DateOf("mid_autumn", year));

    [Theory]
    [InlineData(2023, "2023-06-22")] // 2023 has a leap 2nd month: the 5th month is the 6th of the year
    [InlineData(2024, "2024-06-10")]
    [InlineData(2025, "2025-05-31")]
    [InlineData(2026, "2026-06-19")]
    [InlineData(2028, "2028-05-28")] // the 5th month itself, before 2028's leap 5th month
    public void Dragon_boat_falls_on_the_5th_of_the_5th_lunar_month(int year, string expected)
        => Assert.Equal(DateOnly.Parse(expected), DateOf("dragon_boat", year));

    [Theory]
    [InlineData("lantern", 2024, "2024-02-24")]
    [InlineData("lantern", 2025, "2025-02-12")]
    [InlineData("lantern", 2026, "2026-03-03")]
    [InlineData("qixi", 2023, "2023-08-22")]
    [InlineData("qixi", 2024, "2024-08-10")]
    [InlineData("qixi", 2025, "2025-08-29")] // after 2025's leap 6th month
    [InlineData("double_ninth", 2023, "2023-10-23")]
    [InlineData("double_ninth", 2024, "2024-10-11")]
    [InlineData("double_ninth", 2025, "2025-10-29")]
    public void Other_lunar_festivals_fall_on_their_lunar_day(string id, int year, string expected)
        => Assert.Equal(DateOnly.Parse(expected), DateOf(id, year));

    [Theory]
    [InlineData(2023, "2023-01-21")] // lunar 12th month of 2022 had 30 days
    [InlineData(2024, "2024-02-09")] // 29 days: no "大年三十" that year
    [InlineData(2025, "2025-01-28")]
    [InlineData(2026, "2026-02-16")]
    public void New_years_eve_is_the_last_day_of_the_12th_lunar_month(int year, string expected)
        => Assert.Equal(DateOnly.Parse(expected), DateOf("lunar_new_years_eve", year));

    [Fact]
    public void Lunar_festivals_outside_the_lunar_calendar_range_are_a_clear_error()
    {
        Assert.True(Calendar.TryFind("中秋", out var midAutumn));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.DateIn(midAutumn, 2101));

        Assert.Contains("1901–2100", error.Message);
        Assert.Contains("2101", error.Message);
        Assert.False(Calendar.TryDateIn(midAutumn, 1900, out _));
        Assert.Equal((1901, 2100), Calendar.SupportedYears(midAutumn));
    }

    [Fact]
    public void Every_lunar_festival_is_computable_across_the_whole_supported_range()
    {
        foreach (var festival in Calendar.Festivals)
        {
            var (first, last) = Calendar.SupportedYears(festival);
            for (var year = Math.Max(first, 1901); year <= Math.Min(last, 2100); year++)
            {
                Assert.Equal(year, Calendar.DateIn(festival, year).Year);
            }
        }
    }

    /// <summary>
    /// The rule of the Chinese calendar, independent of .NET's tables: a lunar month is numbered by the
    /// principal solar term it contains — the 1st month holds 雨水 (~Feb 19), so New Year falls between
    /// Jan 21 and Feb 20; the 5th holds 夏至 (~Jun 21), the 7th 处暑 (~Aug 23), the 8th 秋分 (~Sep 23),
    /// which puts their festival days in a window of about a month. A month off by a leap
    /// month would break these windows in about a third of the years.
    /// </summary>
    [Fact]
    public void Every_year_from_1901_to_2100_keeps_each_festival_in_its_seasonal_window()
    {
        for (var year = 1901; year <= 2100; year++)
        {
            var springFestival = DateOf("spring_festival", year);
            Assert.InRange(springFestival, new DateOnly(year, 1, 21), new DateOnly(year, 2, 20));
            Assert.Equal(springFestival.AddDays(14), DateOf("lantern", year));
            Assert.Equal(springFestival.AddDays(-1), DateOf("lunar_new_years_eve", year));
            Assert.InRange(DateOf("dragon_boat", year), new DateOnly(year, 5, 26), new DateOnly(year, 6, 26));
            Assert.InRange(DateOf("mid_autumn", year), new DateOnly(year, 9, 7), new DateOnly(year, 10, 9));
            Assert.InRange(DateOf("qixi", year), new DateOnly(year, 7, 29), new DateOnly(year, 8, 30));
        }
    }
}
