using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Shared;
using CampaignEngine.Plugins.Sms.Content;
using CampaignEngine.Plugins.Sms.Provider;

namespace CampaignEngine.Plugins.Sms;

/// <summary>The SMS channel's block in engine.yaml, read and checked once at load.</summary>
internal sealed class SmsSettings
{
    public SmsSettings(IChannelConfiguration configuration)
    {
        var settings = new ChannelSettings(configuration);
        Endpoint = settings.Url("endpoint", "https://dysmsapi.aliyuncs.com/");
        AccessKeyId = settings.Secret("access_key_env", "the provider's AccessKey ID");
        AccessKeySecret = settings.Secret("secret_env", "the provider's AccessKey secret");
        SignName = settings.Optional("sign_name");
        if (SignName is not null && !SmsSignature.IsWellFormed(SignName))
        {
            throw settings.Problem($"setting 'sign_name' is '{SignName}': a sign name is {SmsSignature.MinLength}–{SmsSignature.MaxLength} characters without 【】, e.g. sign_name: 小美家");
        }

        DefaultTemplateCode = settings.Optional("template_code");
        TemplateCodes = settings.Pairs("templates");
        PricePerSegmentFen = settings.Fen("price_fen", fallback: null);
        MaxLength = settings.Number("max_length", 500, SmsSegments.SingleLimit, 5000);
        SignatureMethod = settings.Choice("signature_method", "hmac-sha1", "hmac-sha1", "hmac-sha256") == "hmac-sha256" ? RpcSignature.Sha256 : RpcSignature.Sha1;
        Region = settings.Optional("region") ?? "cn-hangzhou";
        ApiVersion = settings.Optional("api_version") ?? "2017-05-25";
        Timeout = TimeSpan.FromSeconds(settings.Number("timeout_seconds", 30, 1, 600));
    }

    public Uri Endpoint { get; }

    public SecretSetting AccessKeyId { get; }

    public SecretSetting AccessKeySecret { get; }

    public string? SignName { get; }

    public string? DefaultTemplateCode { get; }

    /// <summary>The engine template name → the provider's approved template code.</summary>
    public IReadOnlyDictionary<string, string> TemplateCodes { get; }

    public long PricePerSegmentFen { get; }

    public int MaxLength { get; }

    public string SignatureMethod { get; }

    public string Region { get; }

    public string ApiVersion { get; }

    public TimeSpan Timeout { get; }

    public string? TemplateCodeFor(string? template)
        => template is not null && TemplateCodes.TryGetValue(template, out var code) ? code : DefaultTemplateCode;
}
