using static CampaignEngine.Channels.Tests.Sms.SmsFixtures;

namespace CampaignEngine.Channels.Tests.Sms;

public class SmsCheckTests
{
    [Fact]
    public void A_signed_marketing_SMS_with_opt_out_wording_to_a_mobile_number_passes()
        => Assert.Empty(Channel().Check(Message()).Problems);

    [Theory]
    [InlineData("12345678901")]
    [InlineData("1381234567")]
    [InlineData("23812345678")]
    [InlineData("12812345678")]
    [InlineData("0571-88157858")]
    [InlineData("")]
    public void A_number_that_is_not_a_Chinese_mobile_is_refused(string phone)
    {
        var problem = Assert.Single(Channel().Check(Message(address: phone)).Problems);
        Assert.Contains("not a Chinese mobile number", problem);
    }

    [Theory]
    [InlineData("+86 138-1234-5678")]
    [InlineData("8613812345678")]
    [InlineData("0086 13812345678")]
    [InlineData("19912345678")]
    public void Mobile_numbers_with_country_code_or_separators_are_accepted(string phone)
        => Assert.Empty(Channel().Check(Message(address: phone)).Problems);

    [Fact]
    public void An_SMS_without_signature_is_refused_when_the_channel_has_no_sign_name()
    {
        var problem = Assert.Single(Channel().Check(Message("王女士，您的会员专享券已到账。回T退订")).Problems);
        Assert.Contains("signature in 【】", problem);
        Assert.Contains("sign_name", problem);
    }

    [Fact]
    public void The_channel_sign_name_signs_a_template_written_without_signature()
        => Assert.Empty(Channel(new() { ["sign_name"] = "小美家" }).Check(Message("王女士，您的会员专享券已到账。回T退订")).Problems);

    [Fact]
    public void A_signature_other_than_the_channel_sign_name_is_refused()
    {
        var problem = Assert.Single(Channel(new() { ["sign_name"] = "小美家" }).Check(Message("【大美家】您的券已到账。回T退订")).Problems);
        Assert.Contains("【大美家】", problem);
        Assert.Contains("【小美家】", problem);
    }

    [Fact]
    public void A_marketing_SMS_without_opt_out_wording_is_refused()
    {
        var problem = Assert.Single(Channel().Check(Message("【小美家】王女士，您的会员专享券已到账。")).Problems);
        Assert.Contains("回T退订", problem);
    }

    [Fact]
    public void A_logistics_notice_needs_no_opt_out_wording()
        => Assert.Empty(Channel().Check(Message("【小美家】您的包裹已到达杭州，请注意查收。", marketing: false)).Problems);

    [Theory]
    [InlineData("【小美家】新品上架，全场8折。退订回T")]
    [InlineData("【小美家】新品上架，全场8折。回TD退订")]
    [InlineData("【小美家】新品上架，全场8折。回复T退订")]
    [InlineData("【小美家】新品上架，全场8折。拒收请回复R")]
    [InlineData("【小美家】New arrivals, 20% off. Reply T to unsubscribe")]
    public void Every_usual_form_of_opt_out_wording_is_recognised(string text)
        => Assert.Empty(Channel().Check(Message(text)).Problems);

    [Fact]
    public void An_empty_SMS_is_refused()
    {
        var problem = Assert.Single(Channel().Check(Message("  ")).Problems);
        Assert.Contains("empty", problem);
    }

    [Fact]
    public void An_SMS_longer_than_the_provider_accepts_is_refused()
    {
        var problem = Assert.Single(Channel(new() { ["max_length"] = "100" }).Check(Message("【小美家】" + new string('好', 100) + "回T退订")).Problems);
        Assert.Contains("at most 100", problem);
    }

    [Fact]
    public void A_template_without_provider_template_code_is_refused()
    {
        var channel = Channel(new() { ["template_code"] = "", ["templates"] = "after_sales=SMS_200" });
        var problem = Assert.Single(channel.Check(Message(template: "vip_coupon")).Problems);
        Assert.Contains("vip_coupon", problem);
        Assert.Empty(channel.Check(Message(template: "after_sales")).Problems);
    }

    [Fact]
    public void The_cost_is_segments_times_the_price_with_the_sign_name_counted()
    {
        var channel = Channel(new() { ["sign_name"] = "小美家", ["price_fen"] = "4" });
        var seventy = channel.EstimateCost(Message(new string('好', 65), marketing: false));
        var seventyOne = channel.EstimateCost(Message(new string('好', 66), marketing: false));
        Assert.Equal((4, 1), (seventy.Fen, seventy.Units));
        Assert.Equal((8, 2), (seventyOne.Fen, seventyOne.Units));
    }

    [Fact]
    public void A_signature_already_in_the_text_is_not_counted_twice()
    {
        var cost = Channel(new() { ["sign_name"] = "小美家" }).EstimateCost(Message("【小美家】" + new string('好', 65), marketing: false));
        Assert.Equal(1, cost.Units);
    }

    [Fact]
    public void The_estimate_is_the_same_every_time()
        => Assert.Equal(Channel().EstimateCost(Message(new string('好', 300))), Channel().EstimateCost(Message(new string('好', 300))));
}
