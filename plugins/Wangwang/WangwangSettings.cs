using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Shared;

namespace CampaignEngine.Plugins.Wangwang;

/// <summary>The Wangwang channel's block in engine.yaml, read and checked once at load.</summary>
internal sealed class WangwangSettings
{
    public WangwangSettings(IChannelConfiguration configuration)
    {
        var settings = new ChannelSettings(configuration);
        Endpoint = settings.Url("endpoint", fallback: null);
        AppKey = settings.Required("app_key", "the app key the gateway issued to the shop, e.g. app_key: 12345678");
        AppSecret = settings.Secret("secret_env", "the gateway's app secret");
        SellerNick = settings.Required("seller_nick", "the shop's Wangwang account (卖家旺旺), e.g. seller_nick: 小美家旗舰店");
        Method = settings.Optional("method") ?? "wangwang.message.send";
        PricePerMessageFen = settings.Fen("price_fen", fallback: 0);
        MaxLength = settings.Number("max_length", 500, 1, 100_000);
        LinkHosts = (settings.Optional("allowed_link_hosts") ?? "taobao.com, tmall.com, tb.cn")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Timeout = TimeSpan.FromSeconds(settings.Number("timeout_seconds", 30, 1, 600));
    }

    public Uri Endpoint { get; }

    public string AppKey { get; }

    public SecretSetting AppSecret { get; }

    public string SellerNick { get; }

    public string Method { get; }

    public long PricePerMessageFen { get; }

    public int MaxLength { get; }

    /// <summary>Hosts (and their subdomains) a link in a message may point at: Taobao punishes leading buyers off the platform.</summary>
    public IReadOnlyList<string> LinkHosts { get; }

    public TimeSpan Timeout { get; }
}
