using System.Globalization;
using System.Text;
using System.Text.Json;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Shared;
using CampaignEngine.Plugins.Sms.Content;
using CampaignEngine.Plugins.Sms.Provider;

namespace CampaignEngine.Plugins.Sms;

/// <summary>
/// SMS through an HTTP provider API in the style of Aliyun / Tencent Cloud: signed SendSms requests with
/// a sign name, an approved template code and its variables; the message's idempotency key goes out as
/// the provider's OutId so a re-sent message can be matched in the provider's delivery reports.
/// </summary>
public sealed class SmsChannel : IChannel, IDisposable
{
    private readonly SmsSettings _settings;
    private readonly HttpClient _http;

    public SmsChannel(IChannelConfiguration configuration)
    {
        _settings = new SmsSettings(configuration);
        _http = ProviderHttp.CreateClient(_settings.Timeout);
    }

    /// <summary>A constant, read by the engine before the channel is configured (engine.yaml's <c>plugin:</c>).</summary>
    public string Name => "sms";

    public ContactKind Reaches => ContactKind.Phone;

    public MessageCheck Check(ChannelMessage message)
    {
        var problems = new List<string>();
        if (ChineseMobileNumber.Normalise(message.Address) is null)
        {
            problems.Add($"'{message.Address}' is not a Chinese mobile number (11 digits starting 13–19, e.g. 13812345678); correct the customer's phone or leave them out of the SMS channel.");
        }

        if (string.IsNullOrWhiteSpace(message.Text))
        {
            problems.Add($"The SMS text is empty; make {TemplateWords.Of(message)} produce text for this customer.");
            return new MessageCheck(problems);
        }

        var signature = SmsSignature.AtStart(message.Text);
        if (signature is null && _settings.SignName is null)
        {
            problems.Add("Every SMS in China must start with the shop's signature in 【】, e.g. 【小美家】; start the template with it or set sign_name for this channel in engine.yaml.");
        }
        else if (signature is not null && !SmsSignature.IsWellFormed(signature))
        {
            problems.Add($"The signature 【{signature}】 must be {SmsSignature.MinLength}–{SmsSignature.MaxLength} characters, the shop name registered with the provider.");
        }
        else if (signature is not null && _settings.SignName is not null && signature != _settings.SignName)
        {
            problems.Add($"The SMS starts with 【{signature}】 but the channel signs as 【{_settings.SignName}】 and carriers show one signature; remove 【{signature}】 from the template or change sign_name.");
        }

        if (message.IsMarketing && !OptOutWording.IsPresent(message.Text))
        {
            problems.Add("A marketing SMS must say how to opt out, e.g. end it with 回T退订 — carriers block marketing SMS without it; add it to the template (or mark a logistics notice as non-marketing).");
        }

        var length = FullText(message).Length;
        if (length > _settings.MaxLength)
        {
            problems.Add($"The SMS is {length} characters with its signature; the provider accepts at most {_settings.MaxLength}. Shorten the template.");
        }

        if (_settings.TemplateCodeFor(message.Template) is null)
        {
            problems.Add($"There is no approved SMS template code for {TemplateWords.Of(message)}; add it to 'templates' (e.g. templates: {message.Template ?? "name"}=SMS_123456) or set template_code in engine.yaml.");
        }

        return new MessageCheck(problems);
    }

    public CostEstimate EstimateCost(ChannelMessage message)
    {
        // An empty text is refused by Check; it is still estimated as one SMS so a budget never counts it as free.
        var segments = Math.Max(1, SmsSegments.Count(FullText(message)));
        return new CostEstimate(segments * _settings.PricePerSegmentFen, segments);
    }

    public async Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        if (CheckedSend.RefusedBeforeSending(this, message, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (_settings.AccessKeyId.Value is not { } keyId)
        {
            return SendOutcome.Failed(_settings.AccessKeyId.NotSetReason);
        }

        if (_settings.AccessKeySecret.Value is not { } secret)
        {
            return SendOutcome.Failed(_settings.AccessKeySecret.NotSetReason);
        }

        var canonical = RpcSignature.CanonicalQuery(Parameters(message, keyId));
        var body = canonical + "&Signature=" + RpcSignature.Encode(RpcSignature.Sign(canonical, secret, _settings.SignatureMethod));
        using var request = new HttpRequestMessage(HttpMethod.Post, _settings.Endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };

        var (answer, failure) = await ProviderHttp.SendAsync(_http, request, "the SMS provider", cancellationToken).ConfigureAwait(false);
        var outcome = failure ?? SmsProviderAnswer.ToOutcome(answer!);
        return outcome.Reason is null ? outcome : outcome with { Reason = _settings.AccessKeySecret.Redact(outcome.Reason) };
    }

    public void Dispose() => _http.Dispose();

    private string FullText(ChannelMessage message) => SmsSignature.FullText(message.Text, _settings.SignName);

    private Dictionary<string, string> Parameters(ChannelMessage message, string accessKeyId) => new(StringComparer.Ordinal)
    {
        ["AccessKeyId"] = accessKeyId,
        ["Action"] = "SendSms",
        ["Format"] = "JSON",
        ["OutId"] = message.IdempotencyKey,
        ["PhoneNumbers"] = ChineseMobileNumber.Normalise(message.Address)!,
        ["RegionId"] = _settings.Region,
        ["SignName"] = _settings.SignName ?? SmsSignature.AtStart(message.Text)!,
        ["SignatureMethod"] = _settings.SignatureMethod,
        ["SignatureNonce"] = Guid.NewGuid().ToString("N"),
        ["SignatureVersion"] = "1.0",
        ["TemplateCode"] = _settings.TemplateCodeFor(message.Template)!,
        ["TemplateParam"] = TemplateParam(message.Values),
        ["Timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["Version"] = _settings.ApiVersion,
    };

    /// <summary>The template's variables as the JSON object providers expect, keys sorted so the request is reproducible.</summary>
    private static string TemplateParam(IReadOnlyDictionary<string, string>? values)
        => JsonSerializer.Serialize(
            new SortedDictionary<string, string>((values ?? new Dictionary<string, string>()).ToDictionary(), StringComparer.Ordinal),
            new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
