using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Plugins.Shared;

/// <summary>How check problems name the message's template, so the marketer knows which file to open.</summary>
internal static class TemplateWords
{
    public static string Of(ChannelMessage message) => message.Template is { Length: > 0 } name ? $"template '{name}'" : "the template";
}
