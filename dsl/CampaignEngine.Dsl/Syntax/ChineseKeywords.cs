namespace CampaignEngine.Dsl.Syntax;

/// <summary>
/// The Chinese keywords of Campaign.g4, longest first. Chinese needs no spaces between words, but the
/// lexer does: <c>3且消费金额</c> reads as the name <c>且消费金额</c>. Diagnostics use this list to say so.
/// </summary>
internal static class ChineseKeywords
{
    public static readonly string[] All =
        ["取消标记", "不属于", "优先级", "规则", "如果", "那么", "并且", "或者", "不在", "属于", "介于", "之间", "发送", "通过", "附带", "标记", "设置",
         "当", "则", "且", "或", "非", "在", "和", "与", "到", "至", "为", "真", "假"];

    /// <summary>The keyword a name starts with, when the rest is still a name.</summary>
    public static string? Leading(string name) => All.FirstOrDefault(k => name.Length > k.Length && name.StartsWith(k, StringComparison.Ordinal));

    /// <summary>A keyword somewhere inside a name.</summary>
    public static string? Inside(string name) => All.FirstOrDefault(k => name.Length > k.Length && name.Contains(k, StringComparison.Ordinal));
}
