using CampaignEngine.Plugins.Chat.Groups;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Shared;

namespace CampaignEngine.Plugins.Chat.WeChatWork;

/// <summary>
/// A WeChat Work (企业微信) group robot: <c>POST {endpoint}?key={robot key}</c> with
/// <c>{"msgtype":"text","text":{"content":…}}</c> or <c>{"msgtype":"markdown","markdown":{"content":…}}</c>.
/// For the customer-group tactics (new arrivals, holiday greetings) where the group, not a person, is reached.
/// </summary>
public sealed class WeChatWorkChannel : IChannel, IDisposable
{
    private const string Robot = "WeChat Work";

    /// <summary>45009: over the robot's 20 messages a minute. 40008 bad message type, 44004 empty text, 40058 bad parameter.</summary>
    private static readonly RobotErrorCodes Codes = new(new HashSet<long> { 45009, 45033 }, new HashSet<long> { 40008, 44004, 40058, 40035 });

    private readonly ChatSettings _settings;
    private readonly HttpClient _http;

    public WeChatWorkChannel(IChannelConfiguration configuration)
    {
        // WeChat Work's documented limits: text content 2048 bytes, markdown 4096 bytes (UTF-8).
        _settings = new ChatSettings(configuration, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send", groupsHaveSecrets: false, markdown => markdown ? 4096 : 2048);
        _http = ProviderHttp.CreateClient(_settings.Timeout);
    }

    public string Name => "wechat_work";

    public ContactKind Reaches => ContactKind.Group;

    public MessageCheck Check(ChannelMessage message) => GroupMessageCheck.Check(message, _settings, Robot);

    public CostEstimate EstimateCost(ChannelMessage message) => new(_settings.PricePerMessageFen, 1);

    public async Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var check = Check(message);
        if (!check.IsOk)
        {
            return SendOutcome.Rejected(string.Join(" ", check.Problems));
        }

        var group = _settings.Groups.Find(message.Address)!;
        if (group.Key is not { } key)
        {
            return SendOutcome.Failed(group.NotSetReason(group.KeyVariable));
        }

        object body = _settings.Markdown
            ? new { msgtype = "markdown", markdown = new { content = message.Text } }
            : new { msgtype = "text", text = new { content = message.Text } };
        return await RobotPost.SendAsync(_http, RobotPost.WithQuery(_settings.Endpoint, ("key", key)), body, Robot, Codes, message, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();
}
