namespace CampaignEngine.Outbox;

/// <summary>How one in-flight message ended; several are committed in one transaction (group commit).</summary>
internal abstract record OutboxOutcome(long Id, DateTimeOffset At);

/// <summary>The provider accepted it: sent, contact recorded, budget charged on <paramref name="BudgetDay"/>.</summary>
internal sealed record SentOutcome(long Id, string ProviderMessageId, DateTimeOffset At, DateOnly BudgetDay) : OutboxOutcome(Id, At);

/// <summary>A transient failure, tried again at <paramref name="NextAttemptAt"/>.</summary>
internal sealed record FailedOutcome(long Id, string Reason, DateTimeOffset NextAttemptAt, DateTimeOffset At) : OutboxOutcome(Id, At);

/// <summary>Rejected for good, or out of attempts.</summary>
internal sealed record DeadOutcome(long Id, string Reason, DateTimeOffset At) : OutboxOutcome(Id, At);
