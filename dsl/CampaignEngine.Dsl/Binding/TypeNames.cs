using CampaignEngine.Dsl.Diagnostics;

namespace CampaignEngine.Dsl.Binding;

/// <summary>How diagnostics name a type for a marketer ("a date" rather than "Date").</summary>
internal static class TypeNames
{
    public static Localized Of(DslType type) => type switch
    {
        DslType.Number => new("a number", "数字"),
        DslType.Money => new("an amount of money", "金额"),
        DslType.Bool => new("true/false", "真/假"),
        DslType.Text => new("text", "文字"),
        DslType.Date => new("a date", "日期"),
        DslType.Duration => new("a duration", "时长"),
        DslType.Time => new("a time of day", "时间"),
        _ => new("a set of tags", "标签集合"),
    };

    /// <summary>An example a hint can show for a parameter of this type.</summary>
    public static string Example(DslType type) => type switch
    {
        DslType.Number => "3",
        DslType.Money => "¥500",
        DslType.Bool => "true",
        DslType.Text => "\"vip\"",
        DslType.Date => "2026-11-11",
        DslType.Duration => "30d",
        DslType.Time => "21:00",
        _ => "tags",
    };
}
