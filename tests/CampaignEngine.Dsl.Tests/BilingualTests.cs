using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Dsl.Tests.Support;

namespace CampaignEngine.Dsl.Tests;

/// <summary>The same rule written with English or Chinese keywords, names and punctuation compiles to the same thing.</summary>
public class BilingualTests
{
    public static TheoryData<string, string> SameConditions => new()
    {
        { "frequency >= 3 and days_since_last > cycle * 1.5 and monetary >= 500", "购买次数 >= 3 且 距上次购买天数 > 购买周期 * 1.5 且 消费金额 >= 500" },
        { "frequency >= 3 and days_since_last > cycle * 1.5", "购买次数 ＞＝ 3 并且 距上次购买天数 ＞ 购买周期 × 1.5" },
        { "not tagged(\"blacklist\") or level = \"VIP\"", "非 有标签（“blacklist”） 或 会员等级 ＝ “VIP”" },
        { "level in [\"金卡\", \"VIP\"]", "等级 在 【“金卡”，“VIP”】" },
        { "level not in [\"金卡\", \"VIP\"]", "等级 不在 [“金卡”、“VIP”]" },
        { "days_since_last between 30 and 90", "距上次购买天数 介于 30 和 90 之间" },
        { "days_since_last not between 30 and 90", "距上次购买天数 非 介于 30 到 90" },
        { "known(cycle) and cycle < 30d", "已知（购买周期） 且 购买周期 < 30天" },
        { "is_member = true or monetary > ¥1000", "是否会员 = 真 或者 消费金额 > 1000元" },
        { "is_member = false", "是否会员 ＝ 假" },
        { "since_first >= 2w and since_first != 12h", "首单至今 ≥ 2周 且 首单至今 ≠ 12小时" },
        { "bought(\"外套\") and contacts_in(30d) = 0", "买过(“外套”) 且 联系次数(30天) = 0" },
        { "(frequency + 1) / 2 > 1", "（购买次数 ＋ 1） ／ 2 ＞ 1" },
        { "monetary * 50% >= aov", "消费金额 * 50％ >= 客单价" },
    };

    [Theory]
    [MemberData(nameof(SameConditions))]
    public void English_and_Chinese_conditions_select_the_same_customers(string english, string chinese)
    {
        var table = CustomerTable.Random(3_000, seed: 7);
        var en = Compile.Condition(english);
        var zh = Compile.Condition(chinese);
        var enSelected = Enumerable.Range(0, table.RowCount).Where(r => en.Test(table, r)).ToArray();
        var zhSelected = Enumerable.Range(0, table.RowCount).Where(r => zh.Test(table, r)).ToArray();

        Assert.Equal(enSelected, zhSelected);
        Assert.NotEmpty(enSelected);
    }

    [Fact]
    public void English_and_Chinese_rule_files_give_the_same_rules_and_actions()
    {
        var english = Compile.Rules("""
            # win back lapsed high-value customers
            rule vip_winback priority 10
            when frequency >= 3 and days_since_last > cycle * 1.5 and monetary >= 500
            then send vip_coupon via wangwang, sms with coupon = "VIP20", discount = 10%, until = 2026-11-11
                 and tag "winback"

            rule care
            when days_to_birthday <= 3
            then send birthday via email; untag "sleeping", set level = "金卡"
            """);
        var chinese = Compile.Rules("""
            # 老客召回
            规则 vip_winback 优先级 10：
            当 购买次数 >= 3 且 距上次购买天数 > 购买周期 * 1.5 且 消费金额 >= 500
            则 发送 vip_coupon 通过 旺旺，短信 附带 coupon = “VIP20”，discount ＝ 10％，until = 2026-11-11
               且 标记 “winback”

            规则 care
            当 距生日天数 <= 3
            则 发送 birthday 通过 邮件；取消标记 “sleeping”，设置 等级 为 “金卡”
            """);

        Assert.Equal(Describe(english), Describe(chinese));
        Assert.Equal(english.Rules.Count, chinese.Rules.Count);
        var table = CustomerTable.Random(2_000, seed: 3);
        for (var i = 0; i < english.Rules.Count; i++)
        {
            for (var row = 0; row < table.RowCount; row++)
            {
                Assert.Equal(english.Rules[i].When.Test(table, row), chinese.Rules[i].When.Test(table, row));
            }
        }
    }

    /// <summary>Everything about the rules except where they are written.</summary>
    private static string Describe(CompiledRuleSet<CustomerTable> rules)
        => string.Join("\n", rules.Rules.Select(rule => $"{rule.Name} {rule.Priority}: " + string.Join("; ", rule.Actions.Select(a => a switch
        {
            SendAction send => $"send {send.Template} via [{string.Join(",", send.Channels)}] with [{string.Join(",", send.With.Select(w => $"{w.Key}={w.Value}:{w.Type}"))}]",
            TagAction tag => $"tag {tag.Tag}",
            UntagAction untag => $"untag {untag.Tag}",
            SetLevelAction set => $"set level {set.Level}",
            _ => a.ToString(),
        }))));
}
