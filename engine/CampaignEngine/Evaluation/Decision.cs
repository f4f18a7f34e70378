namespace CampaignEngine.Evaluation;

/// <summary>
/// What the engine decided for one customer, campaign and occurrence: a send, or a suppression with the
/// guard that stopped it. The dry-run records decisions; the live run writes sends to the outbox.
/// </summary>
/// <param name="Occurrence">What makes the send unique: the shop-local day for a scheduled campaign
/// (<c>2026-11-23</c>), the event for a triggered one (<c>signed:ORDER123</c>, <c>birthday:2026</c>, <c>holiday:mid_autumn:2026</c>).</param>
/// <param name="SendAt">When the message may go out: the decision moment, or later when quiet hours deferred it.</param>
/// <param name="Message">The rendered message; present for sends and for suppressions decided after rendering (holdout: "would have been sent").</param>
/// <param name="Suppression">Null for a send; otherwise which guard stopped it and why.</param>
public sealed record Decision(
    string Campaign,
    string Rule,
    string CustomerId,
    string Occurrence,
    DateTimeOffset DecidedAt,
    DateTimeOffset SendAt,
    string? Channel,
    string Template,
    RenderedMessage? Message,
    long CostFen,
    Suppression? Suppression)
{
    public bool IsSend => Suppression is null;

    /// <summary>The customer's row in the order history the evaluator decided on (−1 when not known): spares the dry-run's report a look-up by id per decision.</summary>
    internal int CustomerRow { get; init; } = -1;

    /// <summary>(campaign, rule, customer, occurrence): the same key is never sent twice, live or simulated.</summary>
    public string IdempotencyKey => IdempotencyKeys.For(Campaign, Rule, CustomerId, Occurrence);
}

/// <summary>A message ready for a channel: the address and the texts rendered from the campaign's template.</summary>
public sealed record RenderedMessage(
    string Address,
    string Text,
    string? Subject = null,
    string? Html = null,
    bool IsMarketing = true,
    IReadOnlyDictionary<string, string>? Values = null);

/// <summary>Why a send did not happen: the guard (opt_out, holdout, frequency_cap, quiet_hours, budget,
/// loyal_price, unreachable, …), a stable reason code for reports and a sentence for people.</summary>
public sealed record Suppression(string Guard, string ReasonCode, string Reason);
