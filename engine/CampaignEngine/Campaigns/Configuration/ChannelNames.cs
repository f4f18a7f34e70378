namespace CampaignEngine.Campaigns.Configuration;

/// <summary>The Chinese names marketers use for the built-in channels (短信 → sms …), accepted wherever a channel is named.</summary>
internal static class ChannelNames
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["短信"] = "sms",
        ["邮件"] = "email",
        ["旺旺"] = "wangwang",
        ["企业微信"] = "wechat_work",
        ["钉钉"] = "dingtalk",
    };

    public static string Canonical(string name)
    {
        var trimmed = name.Trim();
        return Chinese.GetValueOrDefault(trimmed) ?? trimmed.ToLowerInvariant();
    }

    public static IEnumerable<string> ChineseNames => Chinese.Keys;
}
