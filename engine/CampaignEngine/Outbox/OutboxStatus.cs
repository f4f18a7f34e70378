namespace CampaignEngine.Outbox;

/// <summary>
/// Where one outbox message is: <c>pending</c> (waiting for its time) → <c>in_flight</c> (handed to the channel;
/// after a crash its outcome is unknown and it is re-sent with the same key) → <c>sent</c>, or <c>failed</c>
/// (a transient failure, retried at <c>next_attempt_at</c>), or <c>dead</c> (rejected, or out of retries; an
/// operator may retry or cancel it). <c>cancelled</c> is an operator's (or an opt-out's) decision not to send.
/// </summary>
internal enum OutboxStatus
{
    Pending,
    InFlight,
    Sent,
    Failed,
    Dead,
    Cancelled,
}

internal static class OutboxStatusText
{
    public static string ToText(this OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "pending",
        OutboxStatus.InFlight => "in_flight",
        OutboxStatus.Sent => "sent",
        OutboxStatus.Failed => "failed",
        OutboxStatus.Dead => "dead",
        _ => "cancelled",
    };

    public static OutboxStatus Parse(string text) => text switch
    {
        "pending" => OutboxStatus.Pending,
        "in_flight" => OutboxStatus.InFlight,
        "sent" => OutboxStatus.Sent,
        "failed" => OutboxStatus.Failed,
        "dead" => OutboxStatus.Dead,
        "cancelled" => OutboxStatus.Cancelled,
        _ => throw new InvalidDataException($"unknown outbox status '{text}'"),
    };
}
