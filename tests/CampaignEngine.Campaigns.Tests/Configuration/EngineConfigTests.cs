using CampaignEngine.Campaigns.Configuration;
using CampaignEngine.Campaigns.Limits;
using CampaignEngine.Campaigns.Tests.Support;

namespace CampaignEngine.Campaigns.Tests.Configuration;

public sealed class EngineConfigTests
{
    [Fact]
    public void The_shipped_engine_yaml_reads_without_diagnostics()
    {
        var (config, diagnostics) = Read.Engine(File.ReadAllText(Path.Combine(Repository.Campaigns, "engine.yaml")));

        Assert.Empty(diagnostics);
        Assert.Equal("小满生活馆", config.ShopName);
        Assert.Equal("400-820-8820", config.Shop["hotline"]);
        Assert.Equal("Asia/Shanghai", config.TimeZone.Id);
        Assert.False(config.TrustScripts);
        Assert.Equal([new FrequencyCap(3, CapWindowKind.Rolling, TimeSpan.FromDays(30), "max 3 per 30d"), new FrequencyCap(1, CapWindowKind.CalendarDay, TimeSpan.Zero, "1 per day")], config.GlobalCaps);
        Assert.Equal("5", config.Channels["sms"]["price_fen"]);
        Assert.Equal("SMS_ACCESS_KEY", config.Channels["sms"]["access_key_env"]);
        Assert.Contains("wechat_work", config.KnownChannels);
        Assert.Equal((7, 30), (config.OutcomeWindowDays, config.LoyalPriceDays));
        Assert.Equal(("anniversary", 9, 18), Assert.Single(config.ShopDays) is var day ? (day.Id, day.Month, day.Day) : default);
    }

    [Fact]
    public void Without_a_file_the_defaults_apply()
    {
        var config = EngineConfig.Default;

        Assert.Equal("Asia/Shanghai", config.TimeZone.Id);
        Assert.False(config.TrustScripts);
        Assert.Empty(config.GlobalCaps);
        Assert.Equal(7, config.OutcomeWindowDays);
        Assert.Equal(["chat", "dingtalk", "email", "sms", "wangwang", "wechat_work"], config.KnownChannels.Order());
    }

    [Fact]
    public void Another_time_zone_and_trusted_scripts_are_read()
    {
        var (config, diagnostics) = Read.Engine("time_zone: Asia/Tokyo\ntrust_scripts: true\n");

        Assert.Empty(diagnostics);
        Assert.Equal("Asia/Tokyo", config.TimeZone.Id);
        Assert.True(config.TrustScripts);
    }

    [Fact]
    public void Chinese_keys_are_accepted()
    {
        var (config, diagnostics) = Read.Engine("店铺:\n  名称: 小店\n时区: Asia/Shanghai\n全局限制: 每天1次\n渠道:\n  短信: {price_fen: 4}\n");

        Assert.Empty(diagnostics);
        Assert.Equal("小店", config.ShopName);
        Assert.Equal(CapWindowKind.CalendarDay, Assert.Single(config.GlobalCaps).Window);
        Assert.Equal("4", config.Channels["sms"]["price_fen"]);
    }

    [Fact]
    public void Nested_channel_settings_are_flattened_for_the_plugin()
    {
        var (config, _) = Read.Engine("channels:\n  qq_group:\n    bots:\n      - url: http://127.0.0.1:1/a\n    retry: {count: 3}\n");

        Assert.Equal("http://127.0.0.1:1/a", config.Channels["qq_group"]["bots.0.url"]);
        Assert.Equal("3", config.Channels["qq_group"]["retry.count"]);
        Assert.Contains("qq_group", config.KnownChannels);
    }

    [Fact]
    public void Shop_days_are_read()
    {
        var (config, diagnostics) = Read.Engine("holidays:\n  - {id: anniversary, name: 店庆, date: \"09-18\", aliases: [周年庆]}\n");

        Assert.Empty(diagnostics);
        var day = Assert.Single(config.ShopDays);
        Assert.Equal(("anniversary", "店庆", 9, 18), (day.Id, day.ChineseName, day.Month, day.Day));
        Assert.Equal(["周年庆"], day.Aliases);
    }

    [Fact]
    public void Every_bad_value_is_reported_at_its_place()
    {
        var (config, diagnostics) = Read.Engine("""
            time_zone: Mars/Olympus
            trust_scripts: maybe
            global_caps: [lots]
            outcome_window_days: 0
            holidays:
              - {id: x, date: "13-40"}
            shop_name: x
            """);

        diagnostics.Single("CE2033").AssertAt(1, 12);
        diagnostics.Single("CE2011").AssertAt(2, 16);
        diagnostics.Single("CE2042").AssertAt(3, 15);
        diagnostics.Single("CE2045").AssertAt(4, 22);
        diagnostics.Single("CE2081").AssertAt(6, 19);
        diagnostics.Single("CE2010").AssertAt(7, 1);
        Assert.Equal("Asia/Shanghai", config.TimeZone.Id);
        Assert.Equal(7, config.OutcomeWindowDays);
    }
}
