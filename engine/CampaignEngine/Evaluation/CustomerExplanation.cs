namespace CampaignEngine.Evaluation;

/// <summary>A rule of a campaign for one customer: its condition broken down, and whether it is the one that fired.</summary>
public sealed record RuleExplanation(string Rule, int Priority, ExplainedCondition When, bool Fired);

/// <summary>
/// <c>campaign explain</c> for one campaign and customer at a moment: whether the campaign is due (and
/// for which occurrences), the audience, each rule in priority order, the rule that fired, and the
/// decisions the evaluation made for the customer — sends, or suppressions with the guard and reason.
/// </summary>
public sealed record CampaignExplanation(
    string Campaign,
    string Name,
    int Priority,
    bool Due,
    string When,
    IReadOnlyList<string> Occurrences,
    ExplainedCondition? Audience,
    IReadOnlyList<RuleExplanation> Rules,
    string? FiredRule,
    IReadOnlyList<Decision> Decisions);
