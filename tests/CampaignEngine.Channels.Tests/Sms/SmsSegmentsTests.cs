using CampaignEngine.Plugins.Sms.Content;

namespace CampaignEngine.Channels.Tests.Sms;

public class SmsSegmentsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    [InlineData(201, 3)]
    [InlineData(202, 4)]
    [InlineData(500, 8)]
    public void Up_to_70_characters_is_one_SMS_and_longer_ones_are_split_every_67(int length, int segments)
        => Assert.Equal(segments, SmsSegments.Count(new string('好', length)));

    [Fact]
    public void Latin_letters_count_like_Chinese_characters_under_the_carriers_rule()
        => Assert.Equal(SmsSegments.Count(new string('好', 71)), SmsSegments.Count(new string('a', 71)));

    [Fact]
    public void An_emoji_outside_the_basic_plane_counts_as_two_characters()
    {
        Assert.Equal(1, SmsSegments.Count(new string('好', 68) + "😀"));
        Assert.Equal(2, SmsSegments.Count(new string('好', 69) + "😀"));
    }
}
