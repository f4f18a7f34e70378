using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CampaignEngine.Plugins.Sdk;

namespace Acme.Channels.Webhook;

/// <summary>
/// Posts each message as JSON to an HTTP endpoint — the shop's own CRM, a customer-service tool, a
/// group bot gateway. The idempotency key travels as the <c>Idempotency-Key</c> header so the receiver
/// can drop a retry it has already seen; with <c>secret_env</c> set, the body is signed with
/// HMAC-SHA256 in <c>X-Signature</c>.
/// </summary>
/// <remarks>
/// Settings: <c>url</c> (required), <c>reaches</c> (phone, email, group or wangwang; default group),
/// <c>cost_fen</c> (default 0), <c>max_length</c> (default 2000), <c>secret_env</c> (optional).
/// </remarks>
public sealed class WebhookChannel : IChannel
{
    private readonly HttpClient http;
    private readonly Uri url;
    private readonly byte[]? signingKey;
    private readonly long costFen;
    private readonly int maxLength;

    public WebhookChannel(IChannelConfiguration configuration)
    {
        if (!Uri.TryCreate(configuration.Get("url"), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"setting 'url' must be an http(s) address, like `url: https://crm.example.com/hooks/campaign` (got \"{configuration.Get("url")}\")");
        }

        url = parsed;
        Reaches = configuration.Get("reaches") is { } reaches
            ? Enum.TryParse<ContactKind>(reaches, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
                ? kind
                : throw new ArgumentException($"setting 'reaches: {reaches}' must be one of phone, email, group, wangwang")
            : ContactKind.Group;
        costFen = long.TryParse(configuration.Get("cost_fen") ?? "0", NumberStyles.Integer, CultureInfo.InvariantCulture, out var fen) && fen >= 0
            ? fen
            : throw new ArgumentException("setting 'cost_fen' must be a whole number of fen, 0 or more");
        maxLength = int.TryParse(configuration.Get("max_length") ?? "2000", NumberStyles.Integer, CultureInfo.InvariantCulture, out var length) && length > 0
            ? length
            : throw new ArgumentException("setting 'max_length' must be a positive whole number");
        signingKey = configuration.GetSecret("secret") is { } secret ? Encoding.UTF8.GetBytes(secret) : null;

        // The engine gives every send a deadline through the token; no second, hidden timeout here.
        http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
    }

    public string Name => "webhook";

    public ContactKind Reaches { get; }

    public MessageCheck Check(ChannelMessage message)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(message.Text))
        {
            problems.Add("the message has no text; the template rendered nothing for this channel");
        }
        else if (message.Text.Length > maxLength)
        {
            problems.Add($"the message has {message.Text.Length} characters; this webhook takes at most {maxLength} (setting max_length)");
        }

        if (string.IsNullOrWhiteSpace(message.Address))
        {
            problems.Add("the message has no address");
        }

        return problems.Count == 0 ? MessageCheck.Ok : new MessageCheck(problems);
    }

    public CostEstimate EstimateCost(ChannelMessage message) => new(costFen);

    public async Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            idempotency_key = message.IdempotencyKey,
            customer = message.CustomerId,
            address = message.Address,
            text = message.Text,
            subject = message.Subject,
            campaign = message.Campaign,
            template = message.Template,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add("Idempotency-Key", message.IdempotencyKey);
        if (signingKey is not null)
        {
            request.Headers.Add("X-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, body)));
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            return SendOutcome.Failed($"could not reach the webhook at {url.Host}: {ex.Message}");
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                var id = await ReadIdAsync(response, cancellationToken).ConfigureAwait(false);
                return SendOutcome.Accepted(id ?? message.IdempotencyKey);
            }

            var status = (int)response.StatusCode;
            var retryAfter = response.Headers.RetryAfter?.Delta;
            // 408 and 429 are "not now"; other 4xx mean the receiver will never take this message.
            return status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                ? SendOutcome.Failed($"the webhook answered HTTP {status}", retryAfter)
                : SendOutcome.Rejected($"the webhook refused the message: HTTP {status}");
        }
    }

    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            return answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            // Receivers that answer 200 with no JSON are common; the idempotency key then identifies the message.
            return null;
        }
    }
}
