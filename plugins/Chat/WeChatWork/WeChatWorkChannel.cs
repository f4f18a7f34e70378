using CampaignEngine.Plugins.Chat.Groups;
using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Plugins.Chat.WeChatWork;

/// <summary>
/// A WeChat Work (企业微信) group robot: <c>POST {endpoint}?key={robot key}</c> with
/// <c>{"msgtype":"text","text":{"content":…}}</c> or <c>{"msgtype":"markdown","markdown":{"content":…}}</c>.
/// For the customer-group tactics (new arrivals, holiday greetings) where the group, not a person, is reached.
/// </summary>
public sealed class WeChatWorkChannel : IChannel, IDisposable
{
    /// <summary>45009: over the robot's 20 messages a minute. 40008 bad message type, 44004 empty text, 40058 bad parameter.</summary>
    private static readonly RobotErrorCodes Codes = new(new HashSet<long> { 45009, 45033 }, new HashSet<long> { 40008, 44004, 40058, 40035 });

    private readonly GroupRobot _robot;

    public WeChatWorkChannel(IChannelConfiguration configuration)
    {
        // WeChat Work's documented limits: text content 2048 bytes, markdown 4096 bytes (UTF-8).
        var settings = new ChatSettings(configuration, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send", "key", groupsHaveSecrets: false, markdown => markdown ? 4096 : 2048);
        _robot = new GroupRobot(settings, "WeChat Work", Codes);
    }

    /// <summary>A constant, read by the engine before the channel is configured (engine.yaml's <c>plugin:</c>).</summary>
    public string Name => "wechat_work";

    public ContactKind Reaches => ContactKind.Group;

    public MessageCheck Check(ChannelMessage message) => _robot.Check(message);

    public CostEstimate EstimateCost(ChannelMessage message) => _robot.EstimateCost();

    public Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        object body = _robot.Settings.Markdown
            ? new { msgtype = "markdown", markdown = new { content = message.Text } }
            : new { msgtype = "text", text = new { content = message.Text } };
        return _robot.SendAsync(this, message, Webhook, body, cancellationToken);
    }

    public void Dispose() => _robot.Dispose();

    private Webhook Webhook(GroupCredentials group)
        => group.Key.Value is { } key
            ? Groups.Webhook.At(RobotPost.WithQuery(_robot.Settings.Endpoint, ("key", key)))
            : Groups.Webhook.Missing(group.Key);
}
