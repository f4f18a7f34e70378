using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Dsl.Diagnostics;
using CampaignEngine.Dsl.Tests.Support;

namespace CampaignEngine.Dsl.Tests;

/// <summary>
/// Thousands of mutated rules (fixed seed): the compiler never throws, returns either delegates or error
/// diagnostics, places every diagnostic inside the text, and what compiles evaluates without throwing.
/// </summary>
public class RandomizedInputTests
{
    private static readonly string[] Seeds =
    [
        """
        rule vip_winback priority 10
        when frequency >= 3 and days_since_last > cycle * 1.5 and monetary >= 500
        then send vip_coupon via wangwang, sms with coupon = "VIP20"
        """,
        """
        规则 老客召回 优先级 10
        当 购买次数 >= 3 且 距上次购买天数 > 购买周期 * 1.5 且 消费金额 >= ¥500
        则 发送 vip_coupon 通过 旺旺，短信 附带 coupon = “VIP20”
        """,
        """
        # birthday
        rule birthday when days_to_birthday between 0 and 3 and not tagged("blacklist")
        then send birthday_gift via sms with until = 2026-11-11, at = 21:00 and tag "gift"
        rule lapsed priority 2 when known(cycle) and (last_order + cycle * 2 < 2026-10-01 or level in ["VIP", "金卡"])
        then untag "active"; set level = "普通"
        """,
        """
        规则 周期提醒 当 距上次购买天数 介于 购买周期 和 购买周期 + 7 之间 且 联系次数(30天) = 0 则 发送 cycle_reminder
        规则 会员 当 是否会员 = 真 或 首单至今 > 2周 则 标记 “会员” 且 设置 等级 为 VIP
        """,
    ];

    private static readonly string[] Snippets =
    [
        "(", ")", "\"", "“", "”", "'", "「", "[", "]", "【", ",", "，", ";", ":", "：", "=", "==", "<>", "!", "-", "+", "*", "/", ".",
        " and ", " or ", " not ", " 且 ", " 或 ", "非", " in ", " between ", "known(", "tagged(", " rule ", " when ", " then ", "规则", "当", "则",
        " send ", " via ", " with ", " tag ", " set ", "¥", "元", "%", "7d", "12h", "2026-13-45", "2026-02-28", "99:99", "21:00", "1e5",
        "99999999999999999999", "0", "/ 0", "\n", "\n  ", "# c\n", "//", "@", "💥", "\t", "\\", "frequency", "购买周期", "level", "x",
    ];

    [Fact]
    public void Mutated_rules_give_delegates_or_placed_diagnostics_and_never_throw()
    {
        var random = new Random(20261111);
        var table = CustomerTable.Random(64, seed: 5);
        var rows = Enumerable.Range(0, table.RowCount).ToArray();
        var selected = new int[rows.Length];
        var origin = new SourceOrigin("fuzz.yaml", 7, 5, 3);
        int compiled = 0, rejected = 0;
        for (var i = 0; i < 3_000; i++)
        {
            var text = Mutate(Seeds[random.Next(Seeds.Length)], random);

            var rules = CampaignCompiler.CompileRules(text, origin, Compile.Schema);
            Check(text, origin, rules.Value, rules.Diagnostics);
            foreach (var rule in rules.Value?.Rules ?? [])
            {
                _ = rule.When.Test(table, random.Next(table.RowCount));
                _ = rule.When.Filter(table, rows, rows.Length, selected);
            }

            var fragment = Fragment(text, random);
            var condition = CampaignCompiler.CompileCondition(fragment, origin, Compile.Schema);
            Check(fragment, origin, condition.Value, condition.Diagnostics);
            if (condition.Value is { } c)
            {
                _ = c.Filter(table, rows, rows.Length, selected);
                _ = c.Explain(table, 0);
            }

            var value = CampaignCompiler.CompileValue(fragment, origin, Compile.Schema);
            Check(fragment, origin, value.Value, value.Diagnostics);
            var actions = CampaignCompiler.CompileActions(fragment, origin, Compile.Schema);
            Check(fragment, origin, actions.Value, actions.Diagnostics);

            if (rules.Value is null)
            {
                rejected++;
            }
            else
            {
                compiled++;
            }
        }

        // The mutations must exercise both outcomes, or this test proves little.
        Assert.InRange(compiled, 100, 2_900);
        Assert.InRange(rejected, 100, 2_900);
    }

    private static void Check(string text, SourceOrigin origin, object? value, IReadOnlyList<Diagnostic> diagnostics)
    {
        var hasErrors = diagnostics.Any(d => d.IsError);
        Assert.True(value is null == hasErrors, $"value and errors disagree for:\n{text}\n{Compile.Show(diagnostics)}");
        var lines = text.Split('\n');
        var codes = DiagnosticCatalogue.All.Select(d => d.Code).ToHashSet();
        foreach (var d in diagnostics)
        {
            var local = d.Line - origin.Line + 1;
            Assert.True(local >= 1 && local <= lines.Length, $"line {d.Line} outside the text:\n{text}\n{d}");
            var first = local == 1 ? origin.Column : origin.ContinuationColumn;
            var width = CodePoints(lines[local - 1]);
            Assert.True(d.Column >= first && d.Column <= first + width, $"column {d.Column} outside line {d.Line} ({width} characters):\n{text}\n{d}");
            Assert.True(d.Length >= 1, d.ToString());
            Assert.Contains(d.Code, codes);
            Assert.False(string.IsNullOrWhiteSpace(d.Message) || string.IsNullOrWhiteSpace(d.Hint), d.ToString());
            Assert.Equal("fuzz.yaml", d.File);
        }
    }

    private static int CodePoints(string line) => line.Length - line.Count(char.IsLowSurrogate);

    private static string Mutate(string text, Random random)
    {
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            var at = random.Next(text.Length + 1);
            var length = Math.Min(random.Next(1, 8), text.Length - at);
            text = random.Next(5) switch
            {
                0 when length > 0 => text.Remove(at, length),
                1 when length > 0 => text.Insert(at, text.Substring(at, length)),
                2 => text[..at],
                _ => text.Insert(at, Snippets[random.Next(Snippets.Length)]),
            };
        }

        // Never split a surrogate pair: that is not text a marketer can type.
        return string.Concat(text.Where((c, i) =>
            !(char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
            && !(char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])))));
    }

    private static string Fragment(string text, Random random)
    {
        var start = random.Next(text.Length + 1);
        var fragment = text[start..][..random.Next(text.Length - start + 1)];
        return char.IsLowSurrogate(fragment.FirstOrDefault()) ? fragment[1..] : char.IsHighSurrogate(fragment.LastOrDefault()) ? fragment[..^1] : fragment;
    }
}
