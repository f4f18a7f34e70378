using CampaignEngine.Plugins.Chat.Groups;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Shared;

namespace CampaignEngine.Plugins.Chat;

/// <summary>A group-robot channel's block in engine.yaml, read and checked once at load.</summary>
internal sealed class ChatSettings
{
    public ChatSettings(IChannelConfiguration configuration, string defaultEndpoint, string keyName, bool groupsHaveSecrets, Func<bool, int> byteLimit)
    {
        var settings = new ChannelSettings(configuration);
        Endpoint = settings.Url("endpoint", defaultEndpoint);
        Groups = new GroupDirectory(settings, keyName, groupsHaveSecrets);
        Markdown = settings.Choice("format", "text", "text", "markdown") == "markdown";
        MaxBytes = settings.Number("max_bytes", byteLimit(Markdown), 1, 1_000_000);
        PricePerMessageFen = settings.Fen("price_fen", fallback: 0);
        Keywords = (settings.Optional("keywords") ?? "").Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Timeout = TimeSpan.FromSeconds(settings.Number("timeout_seconds", 30, 1, 600));
    }

    public Uri Endpoint { get; }

    public GroupDirectory Groups { get; }

    public bool Markdown { get; }

    public int MaxBytes { get; }

    public long PricePerMessageFen { get; }

    /// <summary>A robot secured by custom keywords (自定义关键词) drops messages that contain none of them.</summary>
    public IReadOnlyList<string> Keywords { get; }

    public TimeSpan Timeout { get; }
}
