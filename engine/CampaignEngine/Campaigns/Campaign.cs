using CampaignEngine.Campaigns.Limits;
using CampaignEngine.Campaigns.Schedules;
using CampaignEngine.Campaigns.Templates;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Compilation;

namespace CampaignEngine.Campaigns;

/// <summary>
/// A loaded campaign, compiled once: when it runs (a <see cref="Schedule"/> or an event <see cref="Trigger"/>),
/// whom it looks at (<see cref="Audience"/>, null for everyone), its holdout share, its own limits, its
/// default channels in order of preference, its templates, and its rules ordered by priority (lower first).
/// <see cref="Marketing"/> is false for service messages (logistics care), which need no opt-out hint.
/// </summary>
public sealed record Campaign<TContext>(
    string Id,
    string Name,
    string? Description,
    string File,
    int Line,
    int Priority,
    bool Marketing,
    bool Enabled,
    Schedule? Schedule,
    EventTrigger? Trigger,
    CompiledCondition<TContext>? Audience,
    double HoldoutPercent,
    CampaignLimits Limits,
    IReadOnlyList<string> Channels,
    IReadOnlyDictionary<string, MessageTemplate> Templates,
    IReadOnlyList<CompiledRule<TContext>> Rules,
    FactSchema<TContext> Schema);
