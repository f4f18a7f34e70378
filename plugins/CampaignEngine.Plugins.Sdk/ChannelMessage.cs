namespace CampaignEngine.Plugins.Sdk;

/// <summary>
/// One message to one recipient. <see cref="Text"/> is the rendered template for this channel;
/// <see cref="Subject"/> and <see cref="Html"/> are for channels that have them (email);
/// <see cref="Values"/> carries the rule's <c>with</c> values and template variables for providers
/// that render their own templates (SMS template codes).
/// </summary>
public sealed record ChannelMessage(
    string IdempotencyKey,
    string CustomerId,
    string Address,
    string Text,
    bool IsMarketing = true,
    string? Subject = null,
    string? Html = null,
    IReadOnlyDictionary<string, string>? Values = null,
    string? Campaign = null,
    string? Template = null);
