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

    private static readonly Suppression OptedOutOfAll = new(Name, "opted_out", "the customer opted out of all messages (退订 全部)");

    /// <summary>Whether the customer opted out of the channel whose <see cref="FlagOf"/> is <paramref name="flag"/>.</summary>
    public static bool IsOptedOut(OptOut customer, OptOut flag) => customer == OptOut.All || (flag != OptOut.None && (customer & flag) != 0);

    /// <summary>
    /// Null when at least one channel of a send's list is not opted out. The list comes as its channels'
    /// flags (<see cref="FlagOf"/>, worked out once per send); <paramref name="everyChannel"/> makes the
    /// reason for a customer who opted out of every one, asked only then (the same for every customer).
    /// </summary>
    public static Suppression? Check(OptOut customer, ReadOnlySpan<OptOut> flags, Func<Suppression> everyChannel)
    {
        if (customer == OptOut.All)
        {
            return OptedOutOfAll;
        }

        foreach (var flag in flags)
        {
            if (!IsOptedOut(customer, flag))
            {
                return null;
            }
        }

        return everyChannel();
    }

    /// <summary>The reason for a customer who opted out of every channel of a send's list.</summary>
    public static Suppression EveryChannel(IReadOnlyList<string> channels)
        => new(Name, "opted_out_channels", $"the customer opted out of every channel of this send ({string.Join(", ", channels)})");
}
