using CampaignEngine.Evaluation;
using CampaignEngine.Orders;

namespace CampaignEngine.Guards;

/// <summary>
/// Opt-out, the first guard: a customer who opted out of everything (退订 <c>全部</c>) gets nothing; one
/// who opted out of some channels is not sent on those — the next channel of the list is tried instead,
/// and only when every channel of the list is opted out is the send suppressed here.
/// </summary>
internal static class OptOutGuard
{
    public const string Name = "opt_out";

    /// <summary>The opt-out flag that covers a channel; group channels (wechat_work, dingtalk) share <see cref="OptOut.Chat"/>.</summary>
    public static OptOut FlagOf(string channel) => channel switch
    {
        "sms" => OptOut.Sms,
        "email" => OptOut.Email,
        "wangwang" => OptOut.Wangwang,
        "chat" or "wechat_work" or "dingtalk" => OptOut.Chat,
        _ => OptOut.None,
    };

    public static bool IsOptedOut(OptOut customer, string channel)
    {
        var flag = FlagOf(channel);
        return customer == OptOut.All || (flag != OptOut.None && (customer & flag) != 0);
    }

    /// <summary>Null when at least one channel of the list is not opted out.</summary>
    public static Suppression? Check(OptOut customer, IReadOnlyList<string> channels)
    {
        if (customer == OptOut.All)
        {
            return new Suppression(Name, "opted_out", "the customer opted out of all messages (退订 全部)");
        }

        foreach (var channel in channels)
        {
            if (!IsOptedOut(customer, channel))
            {
                return null;
            }
        }

        return new Suppression(Name, "opted_out_channels", $"the customer opted out of every channel of this send ({string.Join(", ", channels)})");
    }
}
