namespace CampaignEngine.State;

/// <summary>
/// One line of the run log: what a run decided that leaves no outbox row (a suppression and its reason), and
/// the run's start and end. <see cref="Kind"/> is <c>run_started</c>, <c>run_finished</c>, <c>suppressed</c>, …
/// </summary>
internal sealed record RunLogEntry(string RunId, DateTimeOffset At, string Kind, string? IdempotencyKey, string Detail);
