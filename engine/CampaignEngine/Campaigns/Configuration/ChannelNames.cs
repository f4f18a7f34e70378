namespace CampaignEngine.Campaigns.Configuration;

/// <summary>
/// The Chinese names marketers use for the built-in channels (短信 → sms …), accepted wherever a channel is
/// named in YAML. The same table as the DSL's (internal there) for <c>通过 短信</c>, so both read alike.
/// </summary>
internal static class ChannelNames
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["短信"] = "sms",
        ["邮件"] = "email",
        ["电子邮件"] = "email",
        ["邮箱"] = "email",
        ["旺旺"] = "wangwang",
        ["阿里旺旺"] = "wangwang",
        ["群"] = "chat",
        ["群聊"] = "chat",
        ["群机器人"] = "chat",
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
