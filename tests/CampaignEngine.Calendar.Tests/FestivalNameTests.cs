using CampaignEngine.Calendar;

namespace CampaignEngine.Calendar.Tests;

public sealed class FestivalNameTests
{
    private static readonly FestivalCalendar Calendar = FestivalCalendar.Default;

    [Theory]
    [InlineData("spring_festival", "spring_festival")]
    [InlineData("Spring Festival", "spring_festival")]
    [InlineData("春节", "spring_festival")]
    [InlineData("Chinese New Year", "spring_festival")]
    [InlineData("除夕", "lunar_new_years_eve")]
    [InlineData("中秋", "mid_autumn")]
    [InlineData("中秋节", "mid_autumn")]
    [InlineData("Mid-Autumn", "mid_autumn")]
    [InlineData("mid autumn festival", "mid_autumn")]
    [InlineData("MID_AUTUMN", "mid_autumn")]
    [InlineData("双十一", "double11")]
    [InlineData("双11", "double11")]
    [InlineData("11.11", "double11")]
    [InlineData("１１.１１", "double11")] // full-width digits from a Chinese input method
    [InlineData("Double 11", "double11")]
    [InlineData("double12", "double12")]
    [InlineData("双12", "double12")]
    [InlineData("端午", "dragon_boat")]
    [InlineData("Dragon Boat Festival", "dragon_boat")]
    [InlineData("清明", "qingming")]
    [InlineData("3.8", "womens_day")]
    [InlineData("妇女节", "womens_day")]
    [InlineData("520", "day520")]
    [InlineData("618", "day618")]
    [InlineData("Mother's Day", "mothers_day")]
    [InlineData("母亲节", "mothers_day")]
    [InlineData("父亲节", "fathers_day")]
    [InlineData("重阳", "double_ninth")]
    [InlineData("七夕", "qixi")]
    [InlineData("元宵", "lantern")]
    [InlineData("国庆", "national_day")]
    [InlineData("劳动节", "labour_day")]
    [InlineData("元旦", "new_year")]
    public void Festivals_are_found_by_id_chinese_name_or_alias(string name, string expectedId)
    {
        Assert.True(Calendar.TryFind(name, out var festival));
        Assert.Equal(expectedId, festival.Id);
    }

    [Fact]
    public void An_unknown_name_is_not_found()
    {
        Assert.False(Calendar.TryFind("groundhog day", out _));
        Assert.False(Calendar.TryFind("", out _));
    }

    [Theory]
    [InlineData("mid_autum", "mid_autumn")]
    [InlineData("dubble11", "double11")]
    [InlineData("qingmin", "qingming")]
    [InlineData("中球", "中秋节")]
    [InlineData("端五", "端午节")]
    public void A_typo_gets_a_did_you_mean_in_the_language_it_was_typed_in(string typo, string expected)
    {
        Assert.False(Calendar.TryFind(typo, out _, out var suggestions));
        Assert.Equal(expected, suggestions[0]);
    }

    [Fact]
    public void Nothing_close_means_no_suggestions()
    {
        Assert.False(Calendar.TryFind("black friday sale", out _, out var suggestions));
        Assert.Empty(suggestions);
    }

    [Fact]
    public void Every_festival_has_an_id_a_chinese_name_and_a_described_rule()
    {
        Assert.True(Calendar.Festivals.Count >= 20);
        foreach (var festival in Calendar.Festivals)
        {
            Assert.Matches("^[a-z][a-z0-9_]*$", festival.Id);
            Assert.False(string.IsNullOrWhiteSpace(festival.ChineseName));
            Assert.False(string.IsNullOrWhiteSpace(Calendar.DescribeRule(festival)));
        }
    }

    [Fact]
    public void No_name_leads_to_two_festivals()
    {
        foreach (var festival in Calendar.Festivals)
        {
            foreach (var name in festival.Aliases.Append(festival.Id).Append(festival.ChineseName))
            {
                Assert.True(Calendar.TryFind(name, out var found));
                Assert.Equal(festival.Id, found.Id);
            }
        }
    }
}
