using CampaignEngine.Campaigns.DerivedFacts;
using CampaignEngine.Campaigns.Limits;
using CampaignEngine.Campaigns.Schedules;
using CampaignEngine.Campaigns.Templates;
using CampaignEngine.Campaigns.Yaml;

namespace CampaignEngine.Campaigns.Loading;

/// <summary>A rule written inline in the YAML: its name, priority and the DSL texts of <c>when</c> and <c>then</c>.</summary>
internal sealed record InlineRule(string Name, ScalarNode NameNode, int Priority, DslText When, IReadOnlyList<DslText> Then);

/// <summary>A <c>rules_file:</c> the campaign references, already read (or null with a diagnostic recorded).</summary>
internal sealed record RulesFile(string Path, string Text);

/// <summary>
/// A campaign file as read, before any DSL is compiled: every value parsed that can be parsed without
/// the facts schema (schedule, trigger, limits, holdout, templates), every DSL text with its origin.
/// The first phase of loading; the binder is the second.
/// </summary>
internal sealed record CampaignSyntax(
    string File,
    string Id,
    ScalarNode IdNode,
    string Name,
    string? Description,
    int Priority,
    bool Marketing,
    bool Enabled,
    Schedule? Schedule,
    EventTrigger? Trigger,
    DslText? Audience,
    double HoldoutPercent,
    CampaignLimits Limits,
    IReadOnlyList<(string Channel, ScalarNode Node)> Channels,
    IReadOnlyList<TemplateSource> Templates,
    IReadOnlyList<FactSource> Facts,
    IReadOnlyList<InlineRule> Rules,
    IReadOnlyList<RulesFile> RulesFiles);
