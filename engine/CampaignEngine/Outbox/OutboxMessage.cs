using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Outbox;

/// <summary>One row of the outbox: the entry and where it is in its life.</summary>
internal sealed record OutboxMessage(
    long Id,
    OutboxEntry Entry,
    OutboxStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SentAt,
    string? ProviderMessageId,
    string? LastError)
{
    /// <summary>What the channel plugin gets; the idempotency key goes with it so the provider can drop a re-send.</summary>
    public ChannelMessage ToChannelMessage() => new(
        Entry.IdempotencyKey,
        Entry.CustomerId,
        Entry.Message.Address,
        Entry.Message.Text,
        Entry.Message.IsMarketing,
        Entry.Message.Subject,
        Entry.Message.Html,
        Entry.Message.Values,
        Entry.Campaign,
        Entry.Template);
}

/// <summary>How many messages are in each state.</summary>
internal sealed record OutboxCounts(long Pending, long InFlight, long Failed, long Dead, long Sent, long Cancelled);
