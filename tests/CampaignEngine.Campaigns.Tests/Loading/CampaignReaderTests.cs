using CampaignEngine.Campaigns.Limits;
using CampaignEngine.Campaigns.Schedules;
using CampaignEngine.Campaigns.Tests.Support;
using CampaignEngine.Dsl.Diagnostics;

namespace CampaignEngine.Campaigns.Tests.Loading;

public sealed class CampaignReaderTests
{
    private const string Valid = """
        campaign: cycle-reminder
        name: 购买周期提醒
        schedule: daily 10:00
        audience: frequency >= 2
        holdout: 10%
        limits:
          per_customer: 1 per 14d
          quiet_hours: "21:00-09:00"
          budget: 500
        channels: [wangwang, sms]
        templates:
          cycle_reminder:
            sms: "【{{ shop }}】{{ name }}您好,回T退订"
        rules:
          - rule: cycle_due
            when: days_since_last >= cycle
            then: send cycle_reminder
        """;

    [Fact]
    public void A_valid_file_reads_without_diagnostics()
    {
        var (campaign, diagnostics) = Read.Campaign(Valid);

        Assert.Empty(diagnostics);
        Assert.NotNull(campaign);
        Assert.Equal("cycle-reminder", campaign.Id);
        Assert.Equal("购买周期提醒", campaign.Name);
        Assert.Equal(new TimeOnly(10, 0), Assert.IsType<DailySchedule>(campaign.Schedule).At);
        Assert.Equal(10, campaign.HoldoutPercent);
        Assert.Equal(new FrequencyCap(1, CapWindowKind.Rolling, TimeSpan.FromDays(14), "1 per 14d"), campaign.Limits.PerCustomer);
        Assert.Equal(new QuietHours(new TimeOnly(21, 0), new TimeOnly(9, 0), "21:00-09:00"), campaign.Limits.QuietHours);
        Assert.Equal(500m, campaign.Limits.Budget!.Daily);
        Assert.Equal(["wangwang", "sms"], campaign.Channels.Select(c => c.Channel));
        var rule = Assert.Single(campaign.Rules);
        Assert.Equal("cycle_due", rule.Name);
        Assert.Equal("days_since_last >= cycle", rule.When.Text);
        Assert.Equal(new Dsl.Compilation.SourceOrigin(Read.File, 16, 11, 11), rule.When.Origin);
    }

    [Fact]
    public void Chinese_keys_read_like_English_ones()
    {
        var (campaign, diagnostics) = Read.Campaign("""
            活动: after-sales-care
            名称: 签收后7天关怀
            用途: 服务
            触发: 签收后7天
            受众: 购买次数 >= 1
            对照组: 5%
            限制:
              每人: 每14天1次
              免打扰: "21:00-09:00"
              预算: {每日: 200, 总计: 3000}
            渠道: [旺旺, 短信]
            模板:
              care:
                旺旺: "{{ 姓名 }}您好"
            规则:
              - 规则: 签收关怀
                优先级: 5
                当: 购买次数 >= 1
                则: 发送 care
            """);

        Assert.Empty(diagnostics);
        Assert.NotNull(campaign);
        Assert.False(campaign.Marketing);
        Assert.Equal(new EventTrigger(CustomerEvent.Signed, null, TimeSpan.FromDays(7), "签收后7天"), campaign.Trigger);
        Assert.Equal(5, campaign.HoldoutPercent);
        Assert.Equal(CapWindowKind.Rolling, campaign.Limits.PerCustomer!.Window);
        Assert.Equal(new Budget(200m, 3000m), campaign.Limits.Budget);
        Assert.Equal(["wangwang", "sms"], campaign.Channels.Select(c => c.Channel));
        Assert.True(campaign.Templates.Single().Template.Has("wangwang"));
        var rule = Assert.Single(campaign.Rules);
        Assert.Equal(("签收关怀", 5), (rule.Name, rule.Priority));
    }

    [Fact]
    public void An_unknown_key_is_reported_at_the_key_with_the_closest_known_key()
    {
        var (_, diagnostics) = Read.Campaign(Valid.Replace("schedule:", "schedul:"));

        var unknown = diagnostics.Single("CE2010");
        unknown.AssertAt(3, 1);
        Assert.Contains("schedul", unknown.Message);
        Assert.Equal("Did you mean 'schedule'?", unknown.Hint);
    }

    [Fact]
    public void An_unknown_key_inside_a_rule_is_reported_where_it_is()
    {
        var (_, diagnostics) = Read.Campaign(Valid.Replace("    when:", "    wen:"));

        diagnostics.Single("CE2010").AssertAt(16, 5);
        diagnostics.Single("CE2012").AssertAt(15, 5);
    }

    [Fact]
    public void An_unknown_key_inside_limits_is_reported_where_it_is()
    {
        var (_, diagnostics) = Read.Campaign(Valid.Replace("  budget: 500", "  budgett: 500"));

        var unknown = diagnostics.Single("CE2010");
        unknown.AssertAt(9, 3);
        Assert.Equal("Did you mean 'budget'?", unknown.Hint);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_reported_at_the_value()
    {
        var (_, diagnostics) = Read.Campaign(Valid.Replace("channels: [wangwang, sms]", "channels: {sms: 1}").Replace("holdout: 10%", "holdout: [10]"));

        Assert.Equal(2, diagnostics.Count(d => d.Code == "CE2011"));
        diagnostics.Where(d => d.Code == "CE2011").OrderBy(d => d.Line).First().AssertAt(5, 10);
        diagnostics.Where(d => d.Code == "CE2011").OrderBy(d => d.Line).Last().AssertAt(10, 11);
    }

    [Fact]
    public void A_missing_campaign_id_is_reported_at_the_start_of_the_file()
    {
        var (campaign, diagnostics) = Read.Campaign(Valid.Replace("campaign: cycle-reminder\n", ""));

        Assert.Null(campaign);
        var missing = diagnostics.Single("CE2012");
        missing.AssertAt(1, 1);
        Assert.Contains("'campaign'", missing.Message);
    }

    [Fact]
    public void A_key_written_twice_is_reported_at_the_second()
    {
        var (_, diagnostics) = Read.Campaign(Valid.Replace("holdout: 10%", "holdout: 10%\nholdout: 20%"));

        var duplicate = diagnostics.Single("CE2005");
        duplicate.AssertAt(6, 1);
        Assert.Contains("line 5", duplicate.Message);
    }

    [Fact]
    public void The_same_key_in_English_and_Chinese_is_reported()
    {
        var (_, diagnostics) = Read.Campaign(Valid.Replace("name: 购买周期提醒", "name: a\n名称: b"));

        diagnostics.Single("CE2013").AssertAt(3, 1);
    }

    [Fact]
    public void A_schedule_that_does_not_parse_is_reported_at_the_value_with_the_reason()
    {
        var (_, diagnostics) = Read.Campaign(Valid.Replace("daily 10:00", "daily 25:00"));

        var bad = diagnostics.Single("CE2030");
        bad.AssertAt(3, 11);
        Assert.Contains("'25:00' is not a time of day", bad.Message);
        Assert.Contains("weekly tue 10:00", bad.Hint);
    }

    [Fact]
    public void A_misspelled_event_suggests_the_right_one()
    {
        var (_, diagnostics) = Read.Campaign(Valid.Replace("schedule: daily 10:00", "on: sigend + 7d"));

        var bad = diagnostics.Single("CE2031");
        bad.AssertAt(3, 5);
        Assert.Contains("did you mean 'signed'", bad.Message);
    }

    [Fact]
    public void Schedule_and_trigger_together_or_neither_are_reported()
    {
        var both = Read.Campaign(Valid.Replace("schedule: daily 10:00", "schedule: daily 10:00\non: shipped")).Diagnostics;
        var neither = Read.Campaign(Valid.Replace("schedule: daily 10:00\n", "")).Diagnostics;

        both.Single("CE2025").AssertAt(4, 5);
        neither.Single("CE2026").AssertAt(1, 1);
    }

    [Theory]
    [InlineData("120%", "CE2040")]
    [InlineData("-5%", "CE2040")]
    [InlineData("ten", "CE2040")]
    [InlineData("60%", "CE2041")]
    public void A_bad_holdout_is_reported_at_the_value(string holdout, string code)
    {
        var (_, diagnostics) = Read.Campaign(Valid.Replace("holdout: 10%", $"holdout: {holdout}"));

        diagnostics.Single(code).AssertAt(5, 10);
        Assert.Equal(code == "CE2041" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, diagnostics.Single(code).Severity);
    }

    [Fact]
    public void Bad_limits_are_each_reported_at_their_value()
    {
        var (_, diagnostics) = Read.Campaign(Valid
            .Replace("1 per 14d", "1 every 14d")
            .Replace("\"21:00-09:00\"", "\"21:00-21:00\"")
            .Replace("budget: 500", "budget: -5"));

        diagnostics.Single("CE2042").AssertAt(7, 17);
        diagnostics.Single("CE2043").AssertAt(8, 16);
        diagnostics.Single("CE2044").AssertAt(9, 11);
    }

    [Fact]
    public void An_unknown_channel_suggests_the_closest_known_one()
    {
        var (_, diagnostics) = Read.Campaign(Valid.Replace("[wangwang, sms]", "[wangwang, smss]"));

        var unknown = diagnostics.Single("CE2050");
        unknown.AssertAt(10, 22);
        Assert.Equal("Did you mean 'sms'?", unknown.Hint);
    }

    [Fact]
    public void Channels_configured_in_the_engine_are_known()
    {
        var config = Campaigns.Configuration.EngineConfig.Default with
        {
            Channels = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["qq_group"] = new Dictionary<string, string>() },
        };

        var (campaign, diagnostics) = Read.Campaign(Valid.Replace("[wangwang, sms]", "[qq_group, sms]"), config: config);

        Assert.Empty(diagnostics);
        Assert.Equal(["qq_group", "sms"], campaign!.Channels.Select(c => c.Channel));
    }

    [Fact]
    public void An_invalid_campaign_id_is_reported()
    {
        var (_, diagnostics) = Read.Campaign(Valid.Replace("campaign: cycle-reminder", "campaign: cycle reminder!"));

        diagnostics.Single("CE2020").AssertAt(1, 11);
    }

    [Fact]
    public void A_campaign_without_rules_is_reported()
    {
        var text = Valid[..Valid.IndexOf("rules:", StringComparison.Ordinal)];

        var (_, diagnostics) = Read.Campaign(text);

        diagnostics.Single("CE2023").AssertAt(1, 1);
    }

    [Fact]
    public void A_missing_rules_file_is_reported_at_its_path()
    {
        var text = Valid[..Valid.IndexOf("rules:", StringComparison.Ordinal)] + "rules_file: rules/nowhere.rules\n";

        var (_, diagnostics) = Read.Campaign(text);

        var missing = diagnostics.Single("CE2024");
        missing.AssertAt(14, 13);
        Assert.Contains("nowhere.rules", missing.Message);
    }

    [Fact]
    public void A_YAML_syntax_error_is_one_diagnostic_at_its_line()
    {
        var (campaign, diagnostics) = Read.Campaign("campaign: x\nlimits:\n  per_customer: 1 per 14d\n budget: 5\n");

        Assert.Null(campaign);
        var error = Assert.Single(diagnostics);
        Assert.Equal("CE2001", error.Code);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void A_broken_flow_list_is_a_diagnostic_not_an_exception()
    {
        var (_, diagnostics) = Read.Campaign("campaign: x\nchannels: [sms\nrules: y\n");

        Assert.Equal("CE2001", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void An_empty_file_is_a_warning()
    {
        var (campaign, diagnostics) = Read.Campaign("# nothing yet\n");

        Assert.Null(campaign);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostics.Single("CE2006").Severity);
    }

    [Fact]
    public void A_file_that_is_not_a_mapping_is_reported()
    {
        var (_, diagnostics) = Read.Campaign("- campaign: x\n");

        diagnostics.Single("CE2014").AssertAt(1, 1);
    }

    [Fact]
    public void Every_mistake_of_a_file_is_reported_in_one_pass()
    {
        var (_, diagnostics) = Read.Campaign(Valid
            .Replace("schedule: daily 10:00", "schedule: weekly tuesdy 10:00")
            .Replace("holdout: 10%", "holdout: 200%")
            .Replace("1 per 14d", "once")
            .Replace("[wangwang, sms]", "[wangwang, fax]")
            .Replace("audience:", "audiance:"));

        Assert.Equal(["CE2010", "CE2030", "CE2040", "CE2042", "CE2050"], diagnostics.Select(d => d.Code).Order());
    }

    [Fact]
    public void Messages_are_in_Chinese_when_asked()
    {
        var (_, diagnostics) = Read.Campaign(Valid.Replace("schedule:", "schedul:"), chinese: true);

        var unknown = diagnostics.Single("CE2010");
        Assert.Contains("未知的键", unknown.Message);
        Assert.Contains("是不是想写", unknown.Hint);
    }

    [Fact]
    public void Then_may_be_a_list_of_actions()
    {
        var (campaign, diagnostics) = Read.Campaign(Valid.Replace("then: send cycle_reminder", "then:\n      - send cycle_reminder\n      - tag \"reminded\""));

        Assert.Empty(diagnostics);
        Assert.Equal(2, campaign!.Rules.Single().Then.Count);
        Assert.Equal(new Dsl.Compilation.SourceOrigin(Read.File, 19, 9, 9), campaign.Rules.Single().Then[1].Origin);
    }

    [Fact]
    public void A_Liquid_syntax_error_is_reported_at_the_template_text()
    {
        var (_, diagnostics) = Read.Campaign(Valid.Replace("{{ name }}您好", "{{ name 您好"));

        var error = diagnostics.Single("CE2060");
        error.AssertAt(13, 23);
        Assert.Contains("cycle_reminder", error.Message);
    }

    [Fact]
    public void An_unknown_Liquid_tag_is_reported_where_it_is()
    {
        var (_, diagnostics) = Read.Campaign(Valid.Replace("{{ name }}您好", "{% hello %}您好"));

        diagnostics.Single("CE2060").AssertAt(13, 23);
    }

    [Fact]
    public void An_email_template_needs_a_subject_and_a_body()
    {
        var (_, diagnostics) = Read.Campaign(Valid.Replace("    sms: \"【", "    email: {html: \"<p>hi</p>\"}\n    sms: \"【"));

        diagnostics.Single("CE2066").AssertAt(13, 12);
    }

    [Fact]
    public void A_template_text_for_an_unknown_channel_is_reported()
    {
        var (_, diagnostics) = Read.Campaign(Valid.Replace("    sms: \"【", "    fax: \"x\"\n    sms: \"【"));

        diagnostics.Single("CE2050").AssertAt(13, 5);
    }

    [Fact]
    public void A_YAML_alias_reuses_the_anchored_value()
    {
        var (campaign, diagnostics) = Read.Campaign(Valid
            .Replace("channels: [wangwang, sms]", "channels: &preferred [wangwang, sms]")
            + "\n");

        Assert.Empty(diagnostics);
        Assert.Equal(2, campaign!.Channels.Count);
    }
}
