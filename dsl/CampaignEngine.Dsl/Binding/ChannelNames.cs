namespace CampaignEngine.Dsl.Binding;

/// <summary>
/// The Chinese names of the built-in channels, so <c>通过 旺旺, 短信</c> compiles to the same
/// <c>via wangwang, sms</c>. Other names (a third-party plugin's channel) pass through unchanged and the
/// host checks them against the channels it has loaded.
/// </summary>
internal static class ChannelNames
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["短信"] = "sms",
        ["旺旺"] = "wangwang",
        ["阿里旺旺"] = "wangwang",
        ["邮件"] = "email",
        ["电子邮件"] = "email",
        ["邮箱"] = "email",
        ["群"] = "chat",
        ["群聊"] = "chat",
        ["群机器人"] = "chat",
    };

    public static string Canonical(string written)
        => Aliases.TryGetValue(written, out var name) ? name : written.ToLowerInvariant();
}
