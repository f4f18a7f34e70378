using CampaignEngine.Calendar;
using CampaignEngine.Campaigns.Limits;

namespace CampaignEngine.Campaigns.Configuration;

/// <summary>
/// The engine configuration (<c>engine.yaml</c>): the shop, its time zone, whether C# script facts are
/// trusted, caps across all campaigns, the channels with their settings (a plain dictionary per channel,
/// handed as-is to the channel plugins), the shop's own days, and the outcome window of the dry-run.
/// </summary>
public sealed record EngineConfig(
    string ShopName,
    IReadOnlyDictionary<string, string> Shop,
    TimeZoneInfo TimeZone,
    bool TrustScripts,
    IReadOnlyList<FrequencyCap> GlobalCaps,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Channels,
    IReadOnlyList<ShopDay> ShopDays,
    int OutcomeWindowDays,
    int LoyalPriceDays)
{
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    /// <summary>The defaults when there is no engine.yaml: Asia/Shanghai, no global cap, scripts not trusted, 7-day outcome window.</summary>
    public static EngineConfig Default { get; } = new(
        "", new Dictionary<string, string>(), TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZoneId), false,
        [], new Dictionary<string, IReadOnlyDictionary<string, string>>(), [], 7, 30);

    /// <summary>The channels built into the product (chat: a group-bot webhook); engine.yaml's <c>channels:</c> adds more.</summary>
    public static IReadOnlyList<string> BuiltInChannels { get; } = ["sms", "email", "wangwang", "chat", "wechat_work", "dingtalk"];

    /// <summary>Every channel name a campaign may use: the built-in ones and the configured ones.</summary>
    public IReadOnlySet<string> KnownChannels => BuiltInChannels.Concat(Channels.Keys).ToHashSet(StringComparer.Ordinal);
}
