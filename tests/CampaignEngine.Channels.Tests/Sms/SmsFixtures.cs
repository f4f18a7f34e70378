using CampaignEngine.Channels.Tests.Support;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Sms;

namespace CampaignEngine.Channels.Tests.Sms;

/// <summary>An SMS channel and messages as a shop would configure and write them.</summary>
internal static class SmsFixtures
{
    public const string Marketing = "【小美家】王女士，您的会员专享券已到账，满199减30，本周日截止。回T退订";

    public static SmsChannel Channel(Dictionary<string, string>? overrides = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["endpoint"] = "http://127.0.0.1:9/",
            ["access_key_env"] = "CE_TEST_UNSET_ACCESS_KEY",
            ["secret_env"] = "CE_TEST_UNSET_SECRET",
            ["template_code"] = "SMS_100",
            ["price_fen"] = "5",
        };
        settings = TestConfiguration.Settings(settings, overrides);

        return new SmsChannel(new TestConfiguration("sms", settings));
    }

    public static ChannelMessage Message(string text = Marketing, string address = "13812345678", bool marketing = true, string? template = "vip_coupon")
        => new("vip_winback:vip:C001:2026-11-23", "C001", address, text, marketing, Template: template,
            Values: new Dictionary<string, string> { ["name"] = "王女士", ["coupon"] = "满199减30" });
}
