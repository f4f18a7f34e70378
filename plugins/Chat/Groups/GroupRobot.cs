using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Shared;

namespace CampaignEngine.Plugins.Chat.Groups;

/// <summary>Where to post one group's message, or why it cannot be posted (a credential variable not set).</summary>
internal sealed record Webhook(Uri? Url, SendOutcome? NotConfigured)
{
    public static Webhook At(Uri url) => new(url, null);

    public static Webhook Missing(SecretSetting secret) => new(null, SendOutcome.Failed(secret.NotSetReason));
}

/// <summary>
/// What WeChat Work and DingTalk robots share: the group directory, the check, the price, and the send —
/// check, find the group's credentials, post the JSON, read <c>errcode</c>. Each channel supplies only its
/// webhook URL (how credentials go in) and its message body.
/// </summary>
internal sealed class GroupRobot(ChatSettings settings, string robot, RobotErrorCodes codes) : IDisposable
{
    private readonly HttpClient _http = ProviderHttp.CreateClient(settings.Timeout);

    public ChatSettings Settings => settings;

    public MessageCheck Check(ChannelMessage message) => GroupMessageCheck.Check(message, settings, robot);

    public CostEstimate EstimateCost() => new(settings.PricePerMessageFen, 1);

    public async Task<SendOutcome> SendAsync(
        IChannel channel, ChannelMessage message, Func<GroupCredentials, Webhook> webhookOf, object body, CancellationToken cancellationToken)
    {
        if (CheckedSend.RefusedBeforeSending(channel, message, cancellationToken) is { } refused)
        {
            return refused;
        }

        var group = settings.Groups.Find(message.Address)!;
        var webhook = webhookOf(group);
        if (webhook.NotConfigured is { } notConfigured)
        {
            return notConfigured;
        }

        var outcome = await RobotPost.SendAsync(_http, webhook.Url!, body, robot, codes, message, cancellationToken).ConfigureAwait(false);
        return outcome.Reason is null ? outcome : outcome with { Reason = group.Key.Redact(group.Secret?.Redact(outcome.Reason) ?? outcome.Reason) };
    }

    public void Dispose() => _http.Dispose();
}
