namespace Benchmarks.RuleBench;

/// <summary>Five typical retention rules, written in our DSL and as RulesEngine lambda expressions.</summary>
public static class TypicalRules
{
    public static readonly (string Name, string Dsl, string RulesEngine)[] All =
    [
        ("vip_winback",
         "frequency >= 3 and days_since_last > cycle * 1.5 and monetary >= 500",
         "input1.Frequency >= 3 AND input1.DaysSinceLast > input1.Cycle * 1.5 AND input1.Monetary >= 500"),
        ("cycle_due",
         "known(cycle) and days_since_last between cycle and cycle + 7",
         "input1.Cycle == input1.Cycle AND input1.DaysSinceLast >= input1.Cycle AND input1.DaysSinceLast <= input1.Cycle + 7"),
        ("birthday",
         "days_to_birthday between 0 and 3 and not tagged(\"blacklist\")",
         "input1.DaysToBirthday >= 0 AND input1.DaysToBirthday <= 3 AND NOT input1.Blacklisted"),
        ("gold_big_spender",
         "level in [\"金卡\", \"VIP\"] and monetary > 1000",
         "(input1.Level == \"金卡\" OR input1.Level == \"VIP\") AND input1.Monetary > 1000"),
        ("high_value",
         "aov >= 200 or frequency >= 8",
         "input1.Aov >= 200 OR input1.Frequency >= 8"),
    ];

    /// <summary>The same rules as one .rules file, for the compile-time benchmark.</summary>
    public static string RulesFile()
        => string.Join("\n\n", All.Select((r, i) => $"rule {r.Name} priority {i + 1}\nwhen {r.Dsl}\nthen send {r.Name}_message via wangwang, sms with coupon = \"C{i}\""));
}
