using CampaignEngine.Channels.Tests.Support;
using CampaignEngine.Plugins.Chat.DingTalk;
using CampaignEngine.Plugins.Chat.WeChatWork;
using CampaignEngine.Plugins.Email;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Sms;
using CampaignEngine.Plugins.Wangwang;

namespace CampaignEngine.Channels.Tests.Configuration;

/// <summary>
/// A mistake in a channel's engine.yaml block fails the channel's load with a message naming the channel,
/// the setting and what is expected — the loader shows it. Unset secret variables do not (see the send tests).
/// </summary>
public class ConfigurationMistakeTests
{
    public static TheoryData<string, string, string, string> Mistakes => new()
    {
        { "sms", "price_fen", "", "setting 'price_fen' is missing" },
        { "sms", "price_fen", "0.05", "'0.05', not a whole number of fen" },
        { "sms", "endpoint", "ftp://sms.example", "not an http:// or https:// URL" },
        { "sms", "secret_env", "", "setting 'secret_env' is missing: the name of the environment variable" },
        { "sms", "sign_name", "【小美家】", "a sign name is 2–12 characters without 【】" },
        { "sms", "signature_method", "md5", "expected one of: hmac-sha1, hmac-sha256" },
        { "sms", "templates", "vip_coupon", "expected name=value pairs" },
        { "wechat_work", "groups", "", "setting 'groups' is missing" },
        { "wechat_work", "groups", "vip, fans", "setting 'fans_key_env' is missing: the name of the environment variable holding the robot key of group 'fans'" },
        { "wechat_work", "groups", "vip=WECOM_VIP_KEY", "a group id is letters, digits" },
        { "dingtalk", "vip_token_env", "", "setting 'vip_token_env' is missing" },
        { "dingtalk", "format", "card", "expected one of: text, markdown" },
        { "wangwang", "seller_nick", "", "setting 'seller_nick' is missing" },
        { "wangwang", "endpoint", "", "setting 'endpoint' is missing" },
        { "email", "from_address", "not-an-address", "'not-an-address', not an email address" },
        { "email", "security", "tls1.3", "expected one of: none, starttls, ssl" },
        { "email", "port", "70000", "expected a whole number from 1 to 65535" },
        { "email", "list_unsubscribe", "shop.example/unsubscribe", "expected mailto:… or https://…" },
        { "email", "password_env", "", "setting 'password_env' is missing" },
        { "email", "trusted_certificate", "/nonexistent/relay-ca.pem", "not a readable PEM certificate" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_in_the_channel_settings_fails_the_load_with_a_message_saying_what_to_fix(string plugin, string key, string value, string expected)
    {
        var settings = Valid(plugin);
        settings[key] = value;

        var error = Assert.ThrowsAny<Exception>(() => Create(plugin, settings));

        Assert.Contains($"channel '{plugin}_instance': ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("sms")]
    [InlineData("wechat_work")]
    [InlineData("dingtalk")]
    [InlineData("wangwang")]
    [InlineData("email")]
    public void A_complete_block_loads_without_any_secret_set(string plugin)
    {
        var channel = Create(plugin, Valid(plugin));

        Assert.Equal(plugin, channel.Name);
    }

    private static Dictionary<string, string> Valid(string plugin) => plugin switch
    {
        "sms" => new() { ["access_key_env"] = "SMS_ACCESS_KEY", ["secret_env"] = "SMS_SECRET", ["template_code"] = "SMS_1", ["price_fen"] = "5" },
        "wechat_work" => new() { ["groups"] = "vip", ["vip_key_env"] = "WECOM_VIP_KEY" },
        "dingtalk" => new() { ["groups"] = "vip", ["vip_token_env"] = "DING_VIP_TOKEN", ["vip_secret_env"] = "DING_VIP_SECRET" },
        "wangwang" => new() { ["endpoint"] = "https://gw.example/router/rest", ["app_key"] = "123", ["secret_env"] = "WW_SECRET", ["seller_nick"] = "小美家旗舰店" },
        "email" => new() { ["host"] = "smtp.shop.example", ["from_address"] = "care@shop.example", ["user"] = "care@shop.example", ["password_env"] = "SMTP_PASSWORD" },
        _ => throw new ArgumentOutOfRangeException(nameof(plugin)),
    };

    private static IChannel Create(string plugin, Dictionary<string, string> settings)
    {
        var configuration = new TestConfiguration(plugin + "_instance", settings);
        return plugin switch
        {
            "sms" => new SmsChannel(configuration),
            "wechat_work" => new WeChatWorkChannel(configuration),
            "dingtalk" => new DingTalkChannel(configuration),
            "wangwang" => new WangwangChannel(configuration),
            _ => new EmailChannel(configuration),
        };
    }
}
