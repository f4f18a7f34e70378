using System.Globalization;
using CampaignEngine.Plugins.Chat.Groups;
using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Plugins.Chat.DingTalk;

/// <summary>
/// A DingTalk (钉钉) group robot: <c>POST {endpoint}?access_token=…[&amp;timestamp=…&amp;sign=…]</c> with
/// <c>{"msgtype":"text","text":{"content":…}}</c> or <c>{"msgtype":"markdown","markdown":{"title":…,"text":…}}</c>.
/// The signature is added when the group names a secret variable (robots secured by 加签).
/// </summary>
public sealed class DingTalkChannel : IChannel, IDisposable
{
    /// <summary>
    /// 130101: over 20 messages a minute. 40035 bad parameter, 43004 / 40044 bad message body. 310000 is any
    /// security-setting mismatch: only "keywords not in content" is the message's fault.
    /// </summary>
    private static readonly RobotErrorCodes Codes = new(
        new HashSet<long> { 130101 },
        new HashSet<long> { 40035, 43004, 40044 },
        (code, message) => code == 310000 && message.Contains("keyword", StringComparison.OrdinalIgnoreCase));

    private readonly GroupRobot _robot;

    public DingTalkChannel(IChannelConfiguration configuration)
    {
        // DingTalk does not publish a hard limit; 20000 bytes is our conservative default (setting max_bytes).
        var settings = new ChatSettings(configuration, "https://oapi.dingtalk.com/robot/send", "token", groupsHaveSecrets: true, _ => 20_000);
        _robot = new GroupRobot(settings, "DingTalk", Codes);
    }

    /// <summary>A constant, read by the engine before the channel is configured (engine.yaml's <c>plugin:</c>).</summary>
    public string Name => "dingtalk";

    public ContactKind Reaches => ContactKind.Group;

    public MessageCheck Check(ChannelMessage message) => _robot.Check(message);

    public CostEstimate EstimateCost(ChannelMessage message) => _robot.EstimateCost();

    public Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        object body = _robot.Settings.Markdown
            ? new { msgtype = "markdown", markdown = new { title = Title(message), text = message.Text } }
            : new { msgtype = "text", text = new { content = message.Text } };
        return _robot.SendAsync(this, message, Webhook, body, cancellationToken);
    }

    public void Dispose() => _robot.Dispose();

    private Webhook Webhook(GroupCredentials group)
    {
        if (group.Key.Value is not { } token)
        {
            return Groups.Webhook.Missing(group.Key);
        }

        if (group.Secret is null)
        {
            return Groups.Webhook.At(RobotPost.WithQuery(_robot.Settings.Endpoint, ("access_token", token)));
        }

        if (group.Secret.Value is not { } secret)
        {
            return Groups.Webhook.Missing(group.Secret);
        }

        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return Groups.Webhook.At(RobotPost.WithQuery(
            _robot.Settings.Endpoint,
            ("access_token", token),
            ("timestamp", timestamp.ToString(CultureInfo.InvariantCulture)),
            ("sign", DingTalkSignature.Sign(timestamp, secret))));
    }

    /// <summary>The title DingTalk shows in the chat list: the subject, else the first line without markdown marks.</summary>
    private static string Title(ChannelMessage message)
    {
        var title = message.Subject ?? message.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        title = title.TrimStart('#', ' ', '>');
        return title.Length <= 30 ? title : title[..30];
    }
}
