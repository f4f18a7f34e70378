using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Dsl.Diagnostics;
using CampaignEngine.Dsl.Tests.Support;

namespace CampaignEngine.Dsl.Tests;

/// <summary>Rules files: several rules, priorities, actions and where each is in the file.</summary>
public class RuleFileTests
{
    [Fact]
    public void Rules_come_ordered_by_priority_then_position_with_unprioritised_rules_last()
    {
        var rules = Compile.Rules("""
            rule c when frequency > 1 then tag "c"
            rule a priority 5 when frequency > 1 then tag "a"
            rule b priority -1 when frequency > 1 then tag "b"
            rule d when frequency > 1 then tag "d"
            rule e priority 5 when frequency > 1 then tag "e"
            """);

        Assert.Equal(["b", "a", "e", "c", "d"], rules.Rules.Select(r => r.Name));
        Assert.Equal([-1, 5, 5, 1000, 1000], rules.Rules.Select(r => r.Priority));
    }

    [Fact]
    public void A_send_action_carries_template_channels_values_and_position()
    {
        var rules = Compile.Rules("rule r when frequency > 1\nthen send \"生日 祝福\" via 短信, Email, chat with coupon = \"B20\", amount = ¥20, days = 7d, at = 21:00, on = 2026-11-11, vip = true, n = -3");
        var send = Assert.IsType<SendAction>(Assert.Single(rules.Rules[0].Actions));

        Assert.Equal("生日 祝福", send.Template);
        Assert.Equal(["sms", "email", "chat"], send.Channels);
        Assert.Equal(
            ["coupon=B20:Text", "amount=20:Money", "days=7:Duration", "at=21:00:Time", "on=2026-11-11:Date", "vip=True:Bool", "n=-3:Number"],
            send.With.Select(w => $"{w.Key}={(w.Value is IFormattable f ? f.ToString(w.Value is DateOnly ? "yyyy-MM-dd" : w.Value is TimeOnly ? "HH:mm" : null, null) : w.Value)}:{w.Type}"));
        Assert.Equal((2, 6), (send.Line, send.Column));
        Assert.Equal((1, 1), (rules.Rules[0].Line, rules.Rules[0].Column));
    }

    [Fact]
    public void Actions_may_be_joined_by_and_commas_semicolons_or_new_lines()
    {
        var rules = Compile.Rules("""
            rule r when frequency > 1
            then send a and tag "x", untag "y"; set level = "VIP"
                 tag z
            """);

        Assert.Equal(["SendAction", "TagAction", "UntagAction", "SetLevelAction", "TagAction"], rules.Rules[0].Actions.Select(a => a.GetType().Name));
        Assert.Empty(((SendAction)rules.Rules[0].Actions[0]).Channels);
    }

    [Fact]
    public void Rule_and_template_names_may_be_chinese()
    {
        var rules = Compile.Rules("规则 生日关怀 当 距生日天数 <= 3 则 发送 生日祝福 通过 短信");

        Assert.Equal("生日关怀", rules.Rules[0].Name);
        Assert.Equal("生日祝福", ((SendAction)rules.Rules[0].Actions[0]).Template);
    }

    [Fact]
    public void Positions_in_yaml_honour_the_source_origin()
    {
        // `when: |` block in YAML: text starts on line 12 column 9, continuation lines are indented 9.
        var result = CampaignCompiler.CompileCondition("frequency >= 3\n  and monetery > 5", new SourceOrigin("c.yaml", 12, 9, 9), Compile.Schema);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("c.yaml", 13, 15, 8), (error.File, error.Line, error.Column, error.Length));
        Assert.Equal("c.yaml:13:15: error CE0101: there is no fact called 'monetery'", error.ToString());
    }

    [Fact]
    public void Actions_from_yaml_compile_on_their_own()
    {
        var result = CampaignCompiler.CompileActions("send cycle_reminder via sms and tag \"reminded\"", new SourceOrigin("c.yaml", 20, 11), Compile.Schema);

        Assert.True(result.Succeeded);
        Assert.Equal((20, 11), (result.Value![0].Line, result.Value[0].Column));
        Assert.Equal((20, 43), (result.Value[1].Line, result.Value[1].Column));
    }

    [Fact]
    public void A_derived_fact_compiles_to_a_reader_rules_can_use_as_a_field()
    {
        var value = CampaignCompiler.CompileValue("monetary / frequency", new SourceOrigin("c.yaml"), Compile.Schema);
        Assert.True(value.Succeeded);
        Assert.Equal(Binding.DslType.Money, value.Value!.Type);

        var schema = Compile.Schema.WithFields([new("spend_per_order", value.Value.Type, "derived", ["单均消费"], value.Value.Read)]);
        var condition = CampaignCompiler.CompileCondition("单均消费 = 200", new SourceOrigin("c.yaml"), schema).Value!;

        Assert.True(condition.Test(OneCustomer.With(), 0));
        Assert.False(condition.Test(OneCustomer.With(c => c.Frequency[0] = 0), 0));
    }

    [Fact]
    public void Explain_shows_every_part_of_a_condition_with_its_value()
    {
        var condition = Compile.Condition("frequency >= 3 and (cycle < 10 or not tagged(\"vip\"))");
        var customer = OneCustomer.With(c => c.Cycle[0] = double.NaN);

        var parts = condition.Explain(customer, 0).Select(p => $"{new string(' ', p.Depth)}{p.Text} = {p.Value ?? "missing"}");

        Assert.Equal(
            [
                "frequency >= 3 and (cycle < 10 or not tagged(\"vip\")) = False",
                " frequency >= 3 = True",
                "  frequency = 3",
                " cycle < 10 or not tagged(\"vip\") = False",
                "  cycle < 10 = False",
                "   cycle = missing",
                "  not tagged(\"vip\") = False",
                "   tagged(\"vip\") = True",
            ],
            parts);
    }

    [Fact]
    public void Cheap_conditions_run_first_without_changing_the_result()
    {
        // The host function is written first but reads a column the test leaves null: if it ran first the
        // predicate would throw, so passing proves the cheap comparison was moved in front of it.
        var condition = Compile.Condition("bought(\"外套\") and frequency > 100");
        var table = OneCustomer.With(c => c.Bought = null!);

        Assert.False(condition.Test(table, 0));
    }

    [Fact]
    public void A_warning_comes_with_the_compiled_rules()
    {
        var result = CampaignCompiler.CompileRules("rule r when frequency > 1 then send x via sms, 短信", new SourceOrigin("w.rules"), Compile.Schema);

        Assert.True(result.Succeeded);
        Assert.Equal(["sms"], ((SendAction)result.Value!.Rules[0].Actions[0]).Channels);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("CE0308", DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
    }

    [Theory]
    [InlineData(MessageLanguage.Auto, "there is no fact called 'monetery'")]
    [InlineData(MessageLanguage.Chinese, "没有名为“monetery”的字段")]
    public void Messages_follow_the_language_option(MessageLanguage language, string message)
        => Assert.Equal(message, Assert.Single(Compile.ConditionErrors("monetery > 5", new CompileOptions(language))).Message);

    [Fact]
    public void Chinese_input_gets_chinese_messages_unless_english_is_asked_for()
    {
        Assert.Equal("没有名为“消费金钱”的字段", Assert.Single(Compile.ConditionErrors("消费金钱 > 5")).Message);
        Assert.Equal("there is no fact called '消费金钱'", Assert.Single(Compile.ConditionErrors("消费金钱 > 5", new CompileOptions(MessageLanguage.English))).Message);
    }

    [Theory]
    [InlineData("monetery > 5 and level = \"金卡\" # 老客", "there is no fact called 'monetery'")]
    [InlineData("消费金钱 > 5 and level = \"VIP\"", "没有名为“消费金钱”的字段")]
    [InlineData("monetery > 5 且 level = \"VIP\"", "没有名为“monetery”的字段")]
    public void Auto_language_follows_keywords_and_names_not_quoted_text_or_comments(string text, string message)
        => Assert.Equal(message, Assert.Single(Compile.ConditionErrors(text)).Message);
}
