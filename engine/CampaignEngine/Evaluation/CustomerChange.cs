namespace CampaignEngine.Evaluation;

/// <summary>What a <c>tag</c>, <c>untag</c> or <c>set level</c> action asks of a customer's state.</summary>
public enum CustomerChangeKind
{
    Tag,
    Untag,
    SetLevel,
}

/// <summary>
/// A change a rule made to a customer (<c>then tag vip</c>): applied to the evaluator's own overlay, so
/// later evaluations of the same run see it in <c>tagged()</c> and <c>level</c>, and handed to the
/// caller's sink, which the live run persists in its state store.
/// </summary>
public sealed record CustomerChange(string Campaign, string Rule, string CustomerId, string Occurrence, DateTimeOffset At, CustomerChangeKind Kind, string Value);
