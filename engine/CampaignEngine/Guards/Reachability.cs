using CampaignEngine.Orders;

namespace CampaignEngine.Guards;

/// <summary>
/// Where a customer can be reached on a channel: sms needs a phone, email an address, the group channels
/// (chat, wechat_work, dingtalk) a customer group, and Wangwang the buyer id (the 买家会员名 is the Wangwang
/// nick, so every buyer has one). A channel configured in engine.yaml that the engine does not know
/// addresses the customer by id and leaves the rest to its plugin. Null: not reachable there.
/// </summary>
internal static class Reachability
{
    public const string Name = "unreachable";

    public static string? AddressOf(OrderHistory history, int row, string channel) => channel switch
    {
        "sms" => NonEmpty(history.Phones[row]),
        "email" => NonEmpty(history.Emails[row]),
        "chat" or "wechat_work" or "dingtalk" => NonEmpty(history.Groups[row]),
        _ => history.CustomerIdOf(row),
    };

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
