using CampaignEngine.Campaigns.Schedules;
using CampaignEngine.Campaigns.Tests.Support;
using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Dsl.Diagnostics;

namespace CampaignEngine.Campaigns.Tests.Loading;

public sealed class CampaignLoaderTests : IDisposable
{
    private const string Winback = """
        campaign: winback
        schedule: daily 10:00
        audience: frequency >= 2
        channels: [sms]
        templates:
          hello:
            sms: "【{{ shop }}】{{ name }}您好,回T退订"
        rules:
          - rule: lapsed
            when: days_since_last > cycle * 1.5
            then: send hello
        """;

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private CampaignSet<TestCustomers> Load(params (string Name, string Text)[] files)
    {
        foreach (var (name, text) in files)
        {
            folder.Write(name, text);
        }

        return CampaignLoader.Load(folder.Path, TestCustomers.Schema);
    }

    private string PathOf(string name) => Path.Combine(folder.Path, name);

    private static IReadOnlyList<Diagnostic> Problems(CampaignSet<TestCustomers> set)
        => set.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).ToList();

    [Fact]
    public void A_campaign_compiles_and_its_rule_tests_customers()
    {
        var set = Load(("winback.yaml", Winback));

        Assert.Empty(Problems(set));
        var campaign = Assert.Single(set.Campaigns);
        var rule = Assert.Single(campaign.Rules);
        var customers = TestCustomers.Three;
        Assert.True(campaign.Audience!.Test(customers, 0));
        Assert.False(campaign.Audience.Test(customers, 1));
        // 20 > 45 no; one-order customer has no cycle: false, not an error; 90 > 60 yes.
        Assert.Equal([false, false, true], Enumerable.Range(0, 3).Select(row => rule.When.Test(customers, row)));
        var send = Assert.IsType<SendAction>(Assert.Single(rule.Actions));
        Assert.Equal("hello", send.Template);
        Assert.Equal(["sms"], campaign.Channels);
        Assert.Equal(new TimeOnly(10, 0), Assert.IsType<DailySchedule>(campaign.Schedule).At);
    }

    [Fact]
    public void A_DSL_error_in_a_plain_when_is_reported_at_its_place_in_the_YAML()
    {
        var set = Load(("winback.yaml", Winback.Replace("cycle * 1.5", "cyclee * 1.5")));

        var error = set.Diagnostics.Single("CE0101");
        Assert.Equal(PathOf("winback.yaml"), error.File);
        error.AssertAt(10, 29);
        Assert.Empty(set.Campaigns);
    }

    [Fact]
    public void A_DSL_error_in_a_quoted_when_is_reported_at_its_place_in_the_YAML()
    {
        var set = Load(("winback.yaml", Winback.Replace("when: days_since_last > cycle * 1.5", "when: \"days_since_last > cyclee\"")));

        set.Diagnostics.Single("CE0101").AssertAt(10, 30);
    }

    [Fact]
    public void A_DSL_error_on_the_second_line_of_a_block_when_is_reported_on_that_line()
    {
        var set = Load(("winback.yaml", Winback.Replace("when: days_since_last > cycle * 1.5", "when: |\n      days_since_last > cycle\n        and frequncy >= 2")));

        set.Diagnostics.Single("CE0101").AssertAt(12, 13);
    }

    [Fact]
    public void A_DSL_error_in_the_audience_is_reported_at_its_place()
    {
        var set = Load(("winback.yaml", Winback.Replace("audience: frequency >= 2", "audience: frequenzy >= 2")));

        var error = set.Diagnostics.Single("CE0101");
        error.AssertAt(3, 11);
        Assert.Contains("frequency", error.Hint);
    }

    [Fact]
    public void A_DSL_error_in_the_actions_is_reported_at_its_place()
    {
        var set = Load(("winback.yaml", Winback.Replace("then: send hello", "then: send hello via sms with coupon =")));

        var error = Assert.Single(set.Diagnostics, d => d.IsError);
        Assert.Equal(11, error.Line);
        Assert.InRange(error.Column, 11, 11 + "send hello via sms with coupon =".Length);
    }

    [Fact]
    public void Rules_from_a_rules_file_are_compiled_and_ordered_by_priority()
    {
        var text = Winback[..Winback.IndexOf("rules:", StringComparison.Ordinal)] + "rules_file: rules/winback.rules\n";
        var set = Load(("winback.yaml", text), ("rules/winback.rules", """
            rule late priority 20
            when days_since_last > 60
            then send hello

            rule early priority 5
            when frequency >= 8
            then send hello via sms
            """));

        Assert.Empty(Problems(set));
        Assert.Equal(["early", "late"], set.Campaigns.Single().Rules.Select(r => r.Name));
    }

    [Fact]
    public void A_DSL_error_in_a_rules_file_is_reported_in_that_file()
    {
        var text = Winback[..Winback.IndexOf("rules:", StringComparison.Ordinal)] + "rules_file: rules/winback.rules\n";
        var set = Load(("winback.yaml", text), ("rules/winback.rules", "rule late\nwhen days_since_lst > 60\nthen send hello\n"));

        var error = set.Diagnostics.Single("CE0101");
        Assert.Equal(Path.Combine(folder.Path, "rules/winback.rules"), error.File);
        error.AssertAt(2, 6);
    }

    [Fact]
    public void A_rules_file_no_campaign_uses_is_still_checked()
    {
        var set = Load(("winback.yaml", Winback), ("rules/draft.rules", "rule draft\nwhen frequency >= \nthen send hello\n"));

        var error = Assert.Single(set.Diagnostics, d => d.IsError);
        Assert.EndsWith("draft.rules", error.File);
        Assert.Contains(Path.Combine(folder.Path, "rules/draft.rules"), set.Files);
    }

    [Fact]
    public void Inline_and_file_rules_with_the_same_name_are_reported()
    {
        var text = Winback + "\nrules_file: more.rules\n";
        var set = Load(("winback.yaml", text), ("more.rules", "rule lapsed\nwhen frequency > 1\nthen send hello\n"));

        var duplicate = set.Diagnostics.Single("CE2022");
        Assert.EndsWith("more.rules", duplicate.File);
        duplicate.AssertAt(1, 1);
    }

    [Fact]
    public void Sending_a_template_the_campaign_does_not_define_is_reported_at_the_action()
    {
        var set = Load(("winback.yaml", Winback.Replace("then: send hello", "then: send helo")));

        var error = set.Diagnostics.Single("CE2051");
        error.AssertAt(11, 11);
        Assert.Equal("Did you mean 'hello'?", error.Hint);
        Assert.Contains(set.Diagnostics, d => d.Code == "CE2054");
    }

    [Fact]
    public void Sending_via_an_unknown_channel_is_reported()
    {
        var set = Load(("winback.yaml", Winback.Replace("then: send hello", "then: send hello via fax")));

        Assert.Contains("'fax'", set.Diagnostics.Single("CE2050").Message);
    }

    [Fact]
    public void Chinese_channel_names_in_actions_are_the_built_in_channels()
    {
        var set = Load(("winback.yaml", Winback.Replace("then: send hello", "then: 发送 hello 通过 短信")));

        Assert.Empty(Problems(set));
        Assert.Equal(["sms"], ((SendAction)set.Campaigns.Single().Rules.Single().Actions.Single()).Channels);
    }

    [Fact]
    public void A_template_without_a_text_for_any_usable_channel_is_an_error()
    {
        var set = Load(("winback.yaml", Winback.Replace("then: send hello", "then: send hello via wangwang")));

        set.Diagnostics.Single("CE2053").AssertAt(11, 11);
    }

    [Fact]
    public void A_template_missing_one_of_the_channels_is_a_warning()
    {
        var set = Load(("winback.yaml", Winback.Replace("channels: [sms]", "channels: [wangwang, sms]")));

        var warning = set.Diagnostics.Single("CE2052");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        warning.AssertAt(6, 3);
        Assert.Single(set.Campaigns);
    }

    [Fact]
    public void A_send_without_via_needs_the_campaigns_channels()
    {
        var set = Load(("winback.yaml", Winback.Replace("channels: [sms]\n", "")));

        set.Diagnostics.Single("CE2055").AssertAt(10, 11);
    }

    [Fact]
    public void With_values_become_template_variables()
    {
        var set = Load(("winback.yaml", Winback
            .Replace("{{ name }}您好", "{{ name }}您好,券码{{ coupon }}")
            .Replace("then: send hello", "then: send hello with coupon = \"BACK30\"")));

        Assert.Empty(Problems(set));
        var send = (SendAction)set.Campaigns.Single().Rules.Single().Actions.Single();
        Assert.Equal("BACK30", send.With.Single().Value);
    }

    [Fact]
    public void Two_campaigns_with_one_id_are_reported_at_the_second_naming_the_first()
    {
        var set = Load(("a.yaml", Winback), ("b.yaml", Winback));

        var duplicate = set.Diagnostics.Single("CE2021");
        Assert.Equal(PathOf("b.yaml"), duplicate.File);
        duplicate.AssertAt(1, 11);
        Assert.Contains($"{PathOf("a.yaml")}:1", duplicate.Message);
        Assert.Single(set.Campaigns);
    }

    [Fact]
    public void Derived_facts_are_usable_in_rules_and_templates_in_any_order()
    {
        var set = Load(("winback.yaml", Winback
            .Replace("channels: [sms]", "channels: [sms]\nfacts:\n  lapsed_vip: big and days_since_last > 60\n  big: monetary >= 500\n  spend_per_order: monetary / frequency")
            .Replace("when: days_since_last > cycle * 1.5", "when: lapsed_vip")
            .Replace("{{ name }}您好", "{{ name }}您好,平均每单{{ spend_per_order }}元")));

        Assert.Empty(Problems(set));
        var campaign = set.Campaigns.Single();
        Assert.Equal([false, false, true], Enumerable.Range(0, 3).Select(row => campaign.Rules.Single().When.Test(TestCustomers.Three, row)));
        Assert.Equal(["big", "lapsed_vip", "spend_per_order"], campaign.Schema.Fields.Skip(TestCustomers.Schema.Fields.Count).Select(f => f.Name).Order());
    }

    [Fact]
    public void Derived_facts_in_a_cycle_are_reported_at_each_fact()
    {
        var set = Load(("winback.yaml", Winback.Replace("channels: [sms]", "channels: [sms]\nfacts:\n  a: b > 1\n  b: a\n  c: c + 1")));

        var cycles = set.Diagnostics.Where(d => d.Code == "CE2071").OrderBy(d => d.Line).ToList();
        Assert.Equal(3, cycles.Count);
        cycles[0].AssertAt(6, 3);
        Assert.Contains("a → b → a", cycles[0].Message);
        cycles[2].AssertAt(8, 3);
        Assert.Contains("c → c", cycles[2].Message);
    }

    [Fact]
    public void A_derived_fact_may_not_reuse_a_built_in_name_or_alias()
    {
        var set = Load(("winback.yaml", Winback.Replace("channels: [sms]", "channels: [sms]\nfacts:\n  购买次数: monetary > 1")));

        var clash = set.Diagnostics.Single("CE2070");
        clash.AssertAt(6, 3);
        // The fact is named in Chinese, so the message is in Chinese.
        Assert.Contains("已有事实 frequency", clash.Message);
    }

    [Fact]
    public void Shared_facts_yaml_serves_every_campaign()
    {
        var set = Load(
            ("facts.yaml", "facts:\n  loyal:\n    value: frequency >= 4\n    aliases: [忠实客户]\n"),
            ("winback.yaml", Winback.Replace("when: days_since_last > cycle * 1.5", "when: 忠实客户")));

        Assert.Empty(Problems(set));
        Assert.Equal([true, false, true], Enumerable.Range(0, 3).Select(row => set.Campaigns.Single().Rules.Single().When.Test(TestCustomers.Three, row)));
        Assert.Contains(PathOf("facts.yaml"), set.Files);
    }

    [Fact]
    public void A_script_fact_is_refused_at_its_place_unless_scripts_are_trusted()
    {
        var set = Load(("winback.yaml", Winback.Replace("channels: [sms]", "channels: [sms]\nfacts:\n  per_order:\n    type: money\n    script: monetary / frequency")));

        var refused = set.Diagnostics.Single("CE2072");
        refused.AssertAt(8, 13);
        Assert.Contains("trust_scripts: true", refused.Hint);
    }

    [Fact]
    public void A_trusted_script_fact_is_compiled_once_and_read_like_any_fact()
    {
        var set = Load(
            ("engine.yaml", "trust_scripts: true\n"),
            ("winback.yaml", Winback
                .Replace("channels: [sms]", "channels: [sms]\nfacts:\n  per_order:\n    type: money\n    script: |\n      var orders = Math.Max(1, frequency);\n      return monetary / orders;")
                .Replace("when: days_since_last > cycle * 1.5", "when: per_order >= 150")));

        Assert.Empty(Problems(set));
        Assert.True(set.Config.TrustScripts);
        var rule = set.Campaigns.Single().Rules.Single();
        // 2400/8 = 300, 80/1 = 80, 600/4 = 150.
        Assert.Equal([true, false, true], Enumerable.Range(0, 3).Select(row => rule.When.Test(TestCustomers.Three, row)));
    }

    [Fact]
    public void A_script_that_does_not_compile_is_reported_on_its_line_in_the_YAML()
    {
        var set = Load(
            ("engine.yaml", "trust_scripts: true\n"),
            ("winback.yaml", Winback.Replace("channels: [sms]", "channels: [sms]\nfacts:\n  per_order:\n    type: money\n    script: |\n      var orders = Math.Max(1, frequency);\n      return monetary / ordrs;")));

        var error = set.Diagnostics.Single("CE2073");
        error.AssertAt(10, 25);
        Assert.Contains("ordrs", error.Message);
    }

    [Fact]
    public void A_script_fact_needs_a_type()
    {
        var set = Load(("engine.yaml", "trust_scripts: true\n"), ("winback.yaml", Winback.Replace("channels: [sms]", "channels: [sms]\nfacts:\n  per_order:\n    script: monetary")));

        Assert.Contains("'type'", set.Diagnostics.Single("CE2012").Message);
    }

    [Fact]
    public void A_festival_trigger_names_the_calendars_festival()
    {
        var set = Load(("winback.yaml", Winback.Replace("schedule: daily 10:00", "on: holiday(\"中秋\") - 2d")));

        Assert.Empty(Problems(set));
        var trigger = set.Campaigns.Single().Trigger!;
        Assert.Equal(CustomerEvent.Holiday, trigger.Event);
        Assert.Equal(TimeSpan.FromDays(-2), trigger.Offset);
        Assert.Equal("mid_autumn", trigger.Festival);
    }

    [Fact]
    public void An_unknown_festival_is_reported_with_a_suggestion()
    {
        var set = Load(("winback.yaml", Winback.Replace("schedule: daily 10:00", "on: holiday(\"mid_autum\")")));

        var error = set.Diagnostics.Single("CE2032");
        error.AssertAt(2, 5);
        Assert.Contains("mid_autumn", error.Hint);
    }

    [Fact]
    public void A_shop_day_from_engine_yaml_is_a_festival()
    {
        var set = Load(
            ("engine.yaml", "holidays:\n  - {id: anniversary, name: 店庆, date: \"09-18\"}\n"),
            ("winback.yaml", Winback.Replace("schedule: daily 10:00", "on: holiday(\"店庆\") - 1d")));

        Assert.Empty(Problems(set));
        Assert.Equal("anniversary", set.Campaigns.Single().Trigger!.Festival);
    }

    [Fact]
    public void A_Chinese_file_gets_Chinese_messages()
    {
        var set = Load(("c.yaml", "活动: c\n计划: 每天 10:00\n规则:\n  - 规则: a\n    当: 购买次数 >= 2\n    则: 发送 不存在\n"));

        Assert.Contains("没有定义", set.Diagnostics.Single("CE2051").Message);
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_a_diagnostic()
    {
        var set = CampaignLoader.Load(Path.Combine(folder.Path, "nope"), TestCustomers.Schema);

        Assert.Equal("CE2091", Assert.Single(set.Diagnostics).Code);
    }

    [Fact]
    public void A_folder_without_campaigns_is_a_warning()
    {
        var set = Load(("engine.yaml", "time_zone: Asia/Shanghai\n"));

        Assert.Equal(DiagnosticSeverity.Warning, set.Diagnostics.Single("CE2090").Severity);
        Assert.False(set.HasErrors);
    }

    [Fact]
    public void Every_problem_of_every_file_is_reported_in_one_load()
    {
        var set = Load(
            ("engine.yaml", "time_zone: Mars/Olympus\n"),
            ("a.yaml", Winback.Replace("cycle * 1.5", "cyclee")),
            ("b.yaml", Winback.Replace("campaign: winback", "campaign: other").Replace("daily 10:00", "daily 10").Replace("send hello", "send nope")),
            ("rules/draft.rules", "rule x when frequency >= then send hello\n"));

        var codes = set.Diagnostics.Where(d => d.IsError).Select(d => (Path.GetFileName(d.File), d.Code)).ToList();
        Assert.Contains(("engine.yaml", "CE2033"), codes);
        Assert.Contains(("a.yaml", "CE0101"), codes);
        Assert.Contains(("b.yaml", "CE2030"), codes);
        Assert.Contains(("b.yaml", "CE2051"), codes);
        Assert.Contains(codes, c => c.Item1 == "draft.rules");
    }
}
