using CampaignEngine.Campaigns.Limits;
using CampaignEngine.Evaluation;

namespace CampaignEngine.Outbox;

/// <summary>
/// A decided send as the outbox keeps it: everything the dispatcher needs to send it later, in another process,
/// without the campaign files — the rendered message, its cost for the budget, and the campaign's quiet hours,
/// which are checked again at dispatch time.
/// </summary>
internal sealed record OutboxEntry(
    string Campaign,
    string Rule,
    string CustomerId,
    string Occurrence,
    string Channel,
    string Template,
    RenderedMessage Message,
    long CostFen,
    DateTimeOffset DecidedAt,
    DateTimeOffset SendAt,
    QuietHours? Quiet = null)
{
    public string IdempotencyKey => IdempotencyKeys.For(Campaign, Rule, CustomerId, Occurrence);

    /// <summary>The outbox entry of a send decision; null for a suppression (those go to the run log).</summary>
    public static OutboxEntry? From(Decision decision, QuietHours? quiet) =>
        decision is { IsSend: true, Channel: { } channel, Message: { } message }
            ? new OutboxEntry(decision.Campaign, decision.Rule, decision.CustomerId, decision.Occurrence, channel,
                decision.Template, message, decision.CostFen, decision.DecidedAt, decision.SendAt, quiet)
            : null;
}
