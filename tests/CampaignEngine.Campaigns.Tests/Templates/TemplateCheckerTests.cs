using CampaignEngine.Campaigns.Configuration;
using CampaignEngine.Campaigns.Templates;
using CampaignEngine.Campaigns.Tests.Support;
using CampaignEngine.Dsl.Diagnostics;

namespace CampaignEngine.Campaigns.Tests.Templates;

public sealed class TemplateCheckerTests
{
    private static readonly EngineConfig Config = EngineConfig.Default with
    {
        ShopName = "小满生活馆",
        Shop = new Dictionary<string, string> { ["name"] = "小满生活馆", ["hotline"] = "400-820-8820" },
    };

    private static IReadOnlyList<Diagnostic> Check(string templateYaml, bool marketing = true, string[]? withValues = null, string[]? facts = null)
    {
        var yaml = "campaign: t\nschedule: daily 10:00\ntemplates:\n  greet:\n" + templateYaml + "rules: []\n";
        var (campaign, readDiagnostics) = Read.Campaign(yaml);
        Assert.Empty(readDiagnostics);
        var bag = new DiagnosticBag(false);
        var variables = (facts ?? ["frequency", "days_since_last"]).Concat(TemplateChecker.CustomerFields).Concat(["shop", "shop_hotline"]).ToHashSet();
        TemplateChecker.Check(campaign!.Templates.Single(), variables, (withValues ?? []).ToHashSet(), marketing, Config, bag);
        return bag.Items;
    }

    [Fact]
    public void A_good_Chinese_SMS_gets_only_its_size()
    {
        var diagnostics = Check("    sms: \"【{{ shop }}】{{ name }}您好,您常买的宝贝上新了,回T退订\"\n");

        var size = Assert.Single(diagnostics);
        Assert.Equal(("CE2064", DiagnosticSeverity.Info), (size.Code, size.Severity));
        // 【小满生活馆】 7 + 张三丰 3 + 您好,您常买的宝贝上新了, 13 + 回T退订 4
        Assert.Contains("about 27 characters: 1 segment(s), ≈¥0.05", size.Message);
    }

    [Fact]
    public void An_unknown_variable_is_reported_at_its_place_with_a_suggestion()
    {
        var diagnostics = Check("    wangwang: \"{{ name }}您好,距上次购买已经{{ days_since_lst }}天\"\n");

        var unknown = diagnostics.Single("CE2061");
        unknown.AssertAt(5, 39);
        Assert.Contains("'days_since_lst'", unknown.Message);
        Assert.Equal("Did you mean 'days_since_last'?", unknown.Hint);
    }

    [Fact]
    public void An_unknown_variable_in_a_block_scalar_is_reported_on_its_line()
    {
        var diagnostics = Check("    email:\n      subject: \"{{ shop }}\"\n      html: |\n        <p>{{ name }}</p>\n        <p>{{ coupon }}</p>\n");

        diagnostics.Single("CE2061").AssertAt(9, 15);
    }

    [Fact]
    public void A_with_value_of_a_rule_sending_the_template_is_a_known_variable()
    {
        Assert.DoesNotContain(Check("    wangwang: \"券码 {{ coupon }}\"\n", withValues: ["coupon"]), d => d.Code == "CE2061");
        Assert.Contains(Check("    wangwang: \"券码 {{ coupon }}\"\n"), d => d.Code == "CE2061");
    }

    [Fact]
    public void Shop_settings_are_variables()
    {
        Assert.Empty(Check("    wangwang: \"{{ shop }} 客服 {{ shop_hotline }}\"\n"));
    }

    [Fact]
    public void A_marketing_SMS_without_an_opt_out_hint_is_warned()
    {
        var diagnostics = Check("    sms: \"【{{ shop }}】上新啦\"\n");

        var warning = diagnostics.Single("CE2063");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        warning.AssertAt(5, 11);
    }

    [Theory]
    [InlineData("回T退订")]
    [InlineData("退订回T")]
    [InlineData("回TD退订")]
    [InlineData("回复T退订")]
    [InlineData("退订回TD")]
    public void Every_usual_opt_out_wording_counts(string wording)
        => Assert.DoesNotContain(Check($"    sms: \"【{{{{ shop }}}}】上新啦,{wording}\"\n"), d => d.Code == "CE2063");

    [Fact]
    public void A_service_SMS_needs_no_opt_out_hint()
        => Assert.DoesNotContain(Check("    sms: \"【{{ shop }}】您的包裹已发出\"\n", marketing: false), d => d.Code == "CE2063");

    [Fact]
    public void An_SMS_without_a_signature_is_warned()
    {
        var diagnostics = Check("    sms: \"{{ name }}您好,上新啦,回T退订\"\n");

        Assert.Equal(DiagnosticSeverity.Warning, diagnostics.Single("CE2062").Severity);
    }

    [Fact]
    public void A_long_SMS_is_warned_with_its_segments_and_cost()
    {
        var body = new string('好', 120);
        var diagnostics = Check($"    sms: \"【{{{{ shop }}}}】{body}回T退订\"\n");

        // 7 + 120 + 4 = 131 characters: two parts of 67.
        var warning = diagnostics.Single("CE2065");
        Assert.Contains("about 131 characters and is billed as 2 messages (≈¥0.10", warning.Message);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    [InlineData(201, 3)]
    [InlineData(202, 4)]
    public void SMS_segments_follow_the_70_and_67_character_rule(int characters, int segments)
        => Assert.Equal(new SmsSize(characters, segments), SmsSize.Of(new string('字', characters)));

    [Fact]
    public void The_cost_is_segments_times_the_price()
        => Assert.Equal(0.15m, SmsSize.Of(new string('a', 135)).Cost(0.05m));

    [Fact]
    public void The_SMS_price_comes_from_the_engine_configuration()
    {
        var config = EngineConfig.Default with
        {
            Channels = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["sms"] = new Dictionary<string, string> { ["price_fen"] = "4" } },
        };

        Assert.Equal(0.04m, TemplateChecker.SmsPrice(config));
        Assert.Equal(SmsSize.DefaultPricePerSegment, TemplateChecker.SmsPrice(EngineConfig.Default));
    }

    [Fact]
    public void A_template_renders_Chinese_text_with_its_variables()
    {
        var (campaign, _) = Read.Campaign("campaign: t\nschedule: daily 10:00\ntemplates:\n  greet:\n    sms: \"【{{ shop }}】{{ name }}您好,您已购买{{ 购买次数 }}次,券码{{ coupon | upcase }}\"\nrules: []\n");
        var sms = campaign!.Templates.Single().Template.Texts["sms"];

        var message = sms.Render(new Dictionary<string, object?> { ["shop"] = "小满生活馆", ["name"] = "王芳", ["购买次数"] = 3, ["coupon"] = "vip20" });

        Assert.Equal("【小满生活馆】王芳您好,您已购买3次,券码VIP20", message.Body);
    }

    [Fact]
    public void An_email_renders_subject_and_html()
    {
        var (campaign, _) = Read.Campaign("campaign: t\nschedule: daily 10:00\ntemplates:\n  greet:\n    email: {subject: \"{{ shop }} 会员日\", html: \"<p>{{ name }}</p>\"}\nrules: []\n");
        var email = campaign!.Templates.Single().Template.Texts["email"];

        var message = email.Render(new Dictionary<string, object?> { ["shop"] = "小店", ["name"] = "李雷" });

        Assert.Equal(("小店 会员日", "<p>李雷</p>"), (message.Subject, message.Html));
    }
}
