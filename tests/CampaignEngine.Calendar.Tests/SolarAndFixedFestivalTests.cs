using CampaignEngine.Calendar;
using static CampaignEngine.Calendar.Tests.KnownFestival;

namespace CampaignEngine.Calendar.Tests;

public sealed class SolarAndFixedFestivalTests
{
    private static readonly FestivalCalendar Calendar = FestivalCalendar.Default;

    [Theory]
    [InlineData(2019, "2019-04-05")]
    [InlineData(2020, "2020-04-04")]
    [InlineData(2021, "2021-04-04")]
    [InlineData(2022, "2022-04-05")]
    [InlineData(2023, "2023-04-05")]
    [InlineData(2024, "2024-04-04")]
    [InlineData(2025, "2025-04-04")]
    [InlineData(2026, "2026-04-05")]
    public void Qingming_falls_on_its_solar_term(int year, string expected)
        => Assert.Equal(DateOnly.Parse(expected), DateOf("qingming", year));

    /// <summary>
    /// An independent cross-check over two centuries: the 寿星 "通式" for 清明 —
    /// day = ⌊Y·0.2422 + C⌋ − ⌊Y/4⌋ with Y the year within the century, C = 5.59 (1901–2000) or
    /// 4.81 (2001–2099) — is a fit of the same astronomy; the two must agree every year. (The formula
    /// stops at 2099: its ⌊Y/4⌋ counts 2100 as a leap year, which it is not, so it gives 04-04 for 2100
    /// where the Sun reaches 15° at 00:43 China time on 04-05.)
    /// </summary>
    [Fact]
    public void Qingming_agrees_with_the_well_known_formula_from_1901_to_2099()
    {
        Assert.True(Calendar.TryFind("清明", out var qingming));
        var disagreements = new List<string>();
        for (var year = 1901; year <= 2099; year++)
        {
            var y = year <= 2000 ? year - 1900 : year - 2000;
            var c = year <= 2000 ? 5.59 : 4.81;
            var day = (int)Math.Floor((y * 0.2422) + c) - (y / 4);
            var computed = Calendar.DateIn(qingming, year);
            if (computed != new DateOnly(year, 4, day))
            {
                disagreements.Add($"{year}: computed {computed}, formula 04-{day:D2}");
            }
        }

        Assert.Empty(disagreements);
    }

    [Fact]
    public void The_solar_longitude_is_right_at_a_known_equinox()
    {
        // The March equinox of 2000 (the Sun at longitude 0°) was at 2000-03-20 07:35 UTC (USNO).
        var moment = SolarLongitude.MomentReaching(0, new DateTime(2000, 3, 20, 0, 0, 0, DateTimeKind.Utc));

        Assert.InRange(moment, new DateTime(2000, 3, 20, 7, 33, 0, DateTimeKind.Utc), new DateTime(2000, 3, 20, 7, 37, 0, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("mothers_day", 2024, "2024-05-12")]
    [InlineData("mothers_day", 2025, "2025-05-11")]
    [InlineData("mothers_day", 2026, "2026-05-10")]
    [InlineData("mothers_day", 2027, "2027-05-09")]
    [InlineData("fathers_day", 2024, "2024-06-16")]
    [InlineData("fathers_day", 2025, "2025-06-15")]
    [InlineData("fathers_day", 2026, "2026-06-21")]
    public void Mothers_and_fathers_day_follow_their_nth_sunday_rule(string id, int year, string expected)
    {
        var date = DateOf(id, year);

        Assert.Equal(DateOnly.Parse(expected), date);
        Assert.Equal(DayOfWeek.Sunday, date.DayOfWeek);
    }

    [Theory]
    [InlineData("new_year", 1, 1)]
    [InlineData("valentines", 2, 14)]
    [InlineData("womens_day", 3, 8)]
    [InlineData("labour_day", 5, 1)]
    [InlineData("day520", 5, 20)]
    [InlineData("day618", 6, 18)]
    [InlineData("national_day", 10, 1)]
    [InlineData("double11", 11, 11)]
    [InlineData("double12", 12, 12)]
    [InlineData("christmas", 12, 25)]
    public void Fixed_days_fall_on_the_same_date_every_year(string id, int month, int day)
    {
        foreach (var year in new[] { 1999, 2024, 2025, 2026 })
        {
            Assert.Equal(new DateOnly(year, month, day), DateOf(id, year));
        }
    }

    [Fact]
    public void Qingming_2100_is_the_5th_because_2100_is_not_a_leap_year()
        => Assert.Equal(new DateOnly(2100, 4, 5), DateOf("qingming", 2100));

    [Fact]
    public void Next_on_or_after_includes_the_day_itself_and_rolls_into_next_year()
    {
        Assert.True(Calendar.TryFind("双十一", out var double11));
        Assert.True(Calendar.TryFind("春节", out var springFestival));

        Assert.Equal(new DateOnly(2025, 11, 11), Calendar.NextOnOrAfter(double11, new DateOnly(2025, 11, 11)));
        Assert.Equal(new DateOnly(2026, 11, 11), Calendar.NextOnOrAfter(double11, new DateOnly(2025, 11, 12)));
        Assert.Equal(new DateOnly(2026, 2, 17), Calendar.NextOnOrAfter(springFestival, new DateOnly(2025, 1, 30)));
    }

    [Fact]
    public void Next_on_or_after_the_last_lunar_year_is_a_clear_error()
    {
        Assert.True(Calendar.TryFind("spring_festival", out var springFestival));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.NextOnOrAfter(springFestival, new DateOnly(2100, 3, 1)));

        Assert.Contains("lunar calendar", error.Message);
    }
}
