using System.Globalization;
using System.Text.RegularExpressions;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Shared;
using CampaignEngine.Plugins.Wangwang.Gateway;

namespace CampaignEngine.Plugins.Wangwang;

/// <summary>
/// Wangwang (旺旺) messages to a buyer through an HTTP gateway signed the Taobao Open Platform way
/// (sorted-parameter HMAC-SHA256, app key, timestamp); the address is the buyer's nick (买家会员名).
/// </summary>
public sealed partial class WangwangChannel : IChannel, IDisposable
{
    private const int MaxNickLength = 64;

    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");

    private readonly WangwangSettings _settings;
    private readonly HttpClient _http;

    public WangwangChannel(IChannelConfiguration configuration)
    {
        _settings = new WangwangSettings(configuration);
        _http = ProviderHttp.CreateClient(_settings.Timeout);
    }

    /// <summary>A constant, read by the engine before the channel is configured (engine.yaml's <c>plugin:</c>).</summary>
    public string Name => "wangwang";

    public ContactKind Reaches => ContactKind.Wangwang;

    public MessageCheck Check(ChannelMessage message)
    {
        var problems = new List<string>();
        var nick = message.Address.Trim();
        if (nick.Length == 0 || nick.Length > MaxNickLength || nick.Any(char.IsControl))
        {
            problems.Add($"'{message.Address}' is not a Wangwang buyer nick (买家会员名, 1–{MaxNickLength} characters); correct the customer's nick or leave them out of the Wangwang channel.");
        }

        if (string.IsNullOrWhiteSpace(message.Text))
        {
            problems.Add($"The Wangwang message is empty; make {TemplateWords.Of(message)} produce text for this customer.");
            return new MessageCheck(problems);
        }

        if (message.Text.Length > _settings.MaxLength)
        {
            problems.Add($"The Wangwang message is {message.Text.Length} characters; the gateway accepts at most {_settings.MaxLength}. Shorten the template.");
        }

        foreach (Match link in Links().Matches(message.Text))
        {
            var host = link.Groups["host"].Value.ToLowerInvariant();
            if (!_settings.LinkHosts.Any(allowed => host == allowed || host.EndsWith("." + allowed, StringComparison.Ordinal)))
            {
                problems.Add($"The link to {host} leads the buyer off Taobao, which Taobao punishes in Wangwang messages; link to the shop's item page instead (allowed: {string.Join(", ", _settings.LinkHosts)}).");
            }
        }

        return new MessageCheck(problems);
    }

    public CostEstimate EstimateCost(ChannelMessage message) => new(_settings.PricePerMessageFen, 1);

    public async Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        if (CheckedSend.RefusedBeforeSending(this, message, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (_settings.AppSecret.Value is not { } secret)
        {
            return SendOutcome.Failed(_settings.AppSecret.NotSetReason);
        }

        var parameters = Parameters(message);
        parameters["sign"] = TopSignature.Sign(parameters, secret);
        using var request = new HttpRequestMessage(HttpMethod.Post, _settings.Endpoint) { Content = new FormUrlEncodedContent(parameters) };
        var (answer, failure) = await ProviderHttp.SendAsync(_http, request, "the Wangwang gateway", cancellationToken).ConfigureAwait(false);
        var outcome = failure ?? GatewayAnswer.ToOutcome(answer!);
        return outcome.Reason is null ? outcome : outcome with { Reason = _settings.AppSecret.Redact(outcome.Reason) };
    }

    public void Dispose() => _http.Dispose();

    private Dictionary<string, string> Parameters(ChannelMessage message) => new(StringComparer.Ordinal)
    {
        ["method"] = _settings.Method,
        ["app_key"] = _settings.AppKey,
        // TOP timestamps are Beijing time (GMT+8), and the gateway refuses one far from its clock.
        ["timestamp"] = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Beijing).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        ["format"] = "json",
        ["v"] = "2.0",
        ["sign_method"] = "hmac-sha256",
        ["seller_nick"] = _settings.SellerNick,
        ["buyer_nick"] = message.Address.Trim(),
        ["content"] = message.Text,
        ["out_id"] = message.IdempotencyKey,
    };

    [GeneratedRegex(@"(?:https?://|www\.)(?<host>[A-Za-z0-9.-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Links();
}
