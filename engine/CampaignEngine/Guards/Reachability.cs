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

    public static string? AddressOf(OrderHistory history, int row, string channel) => Needs(channel) switch
    {
        Addresses.Phone => NonEmpty(history.Phones[row]),
        Addresses.Email => NonEmpty(history.Emails[row]),
        Addresses.Group => NonEmpty(history.Groups[row]),
        _ => history.CustomerIdOf(row),
    };

    /// <summary>The kind of address a channel needs (<see cref="Addresses.Known"/>: none beyond the buyer id, which everyone has).</summary>
    public static Addresses Needs(string channel) => channel switch
    {
        "sms" => Addresses.Phone,
        "email" => Addresses.Email,
        "chat" or "wechat_work" or "dingtalk" => Addresses.Group,
        _ => Addresses.Known,
    };

    /// <summary>The kinds of address the customer has: <see cref="AddressOf"/> is non-null exactly for the channels whose <see cref="Needs"/> is among them.</summary>
    public static Addresses Of(OrderHistory history, int row)
        => Addresses.Known
           | (NonEmpty(history.Phones[row]) is null ? 0 : Addresses.Phone)
           | (NonEmpty(history.Emails[row]) is null ? 0 : Addresses.Email)
           | (NonEmpty(history.Groups[row]) is null ? 0 : Addresses.Group);

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

/// <summary>Kinds of address, as bits: a long dry-run chooses a channel for a hundred million decisions from these, and reads an address only for a message it renders.</summary>
[Flags]
internal enum Addresses : byte
{
    None = 0,
    Known = 1,
    Phone = 2,
    Email = 4,
    Group = 8,
}
