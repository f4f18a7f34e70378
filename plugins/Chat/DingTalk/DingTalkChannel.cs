using System.Globalization;
using CampaignEngine.Plugins.Chat.Groups;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Shared;

namespace CampaignEngine.Plugins.Chat.DingTalk;

/// <summary>
/// A DingTalk (钉钉) group robot: <c>POST {endpoint}?access_token=…[&amp;timestamp=…&amp;sign=…]</c> with
/// <c>{"msgtype":"text","text":{"content":…}}</c> or <c>{"msgtype":"markdown","markdown":{"title":…,"text":…}}</c>.
/// The signature is added when the group names a secret variable (robots secured by 加签).
/// </summary>
public sealed class DingTalkChannel : IChannel, IDisposable
{
    private const string Robot = "DingTalk";

    /// <summary>
    /// 130101: over 20 messages a minute. 40035 bad parameter, 43004 / 40044 bad message body. 310000 is any
    /// security-setting mismatch: only "keywords not in content" is the message's fault.
    /// </summary>
    private static readonly RobotErrorCodes Codes = new(
        new HashSet<long> { 130101 },
        new HashSet<long> { 40035, 43004, 40044 },
        (code, message) => code == 310000 && message.Contains("keyword", StringComparison.OrdinalIgnoreCase));

    private readonly ChatSettings _settings;
    private readonly HttpClient _http;

    public DingTalkChannel(IChannelConfiguration configuration)
    {
        // DingTalk does not publish a hard limit; 20000 bytes is our conservative default (setting max_bytes).
        _settings = new ChatSettings(configuration, "https://oapi.dingtalk.com/robot/send", groupsHaveSecrets: true, _ => 20_000);
        _http = ProviderHttp.CreateClient(_settings.Timeout);
    }

    public string Name => "dingtalk";

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
        if (group.Key is not { } token)
        {
            return SendOutcome.Failed(group.NotSetReason(group.KeyVariable));
        }

        var query = new List<(string, string)> { ("access_token", token) };
        if (group.SecretVariable is { } secretVariable)
        {
            if (group.Secret is not { } secret)
            {
                return SendOutcome.Failed(group.NotSetReason(secretVariable));
            }

            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            query.Add(("timestamp", timestamp.ToString(CultureInfo.InvariantCulture)));
            query.Add(("sign", DingTalkSignature.Sign(timestamp, secret)));
        }

        object body = _settings.Markdown
            ? new { msgtype = "markdown", markdown = new { title = Title(message), text = message.Text } }
            : new { msgtype = "text", text = new { content = message.Text } };
        return await RobotPost.SendAsync(_http, RobotPost.WithQuery(_settings.Endpoint, [.. query]), body, Robot, Codes, message, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The title DingTalk shows in the chat list: the subject, else the first line without markdown marks.</summary>
    private static string Title(ChannelMessage message)
    {
        var title = message.Subject ?? message.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        title = title.TrimStart('#', ' ', '>');
        return title.Length <= 30 ? title : title[..30];
    }
}
