namespace CampaignEngine.Dispatch.Delivery;

/// <summary>
/// When a transiently failed message is tried again: <see cref="First"/> × 2^(attempt−1), capped at
/// <see cref="Longest"/>, with ±<see cref="Jitter"/> so that a thousand messages that failed together do not
/// all come back in the same second. The moment is stored in the outbox row (<c>next_attempt_at</c>), so the
/// schedule survives a restart — an in-memory retry loop would not. A provider's Retry-After wins when longer.
/// </summary>
internal sealed record RetrySchedule(TimeSpan First, TimeSpan Longest, int MaxAttempts, double Jitter = 0.2)
{
    public static RetrySchedule Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), 8);

    /// <summary>Null when <paramref name="attempts"/> used them all up: the message is dead.</summary>
    public DateTimeOffset? Next(int attempts, DateTimeOffset now, TimeSpan? retryAfter, Random random)
    {
        if (attempts >= MaxAttempts)
        {
            return null;
        }

        var exponential = First.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1));
        var capped = Math.Min(exponential, Longest.TotalMilliseconds);
        var jittered = capped * (1 + Jitter * ((random.NextDouble() * 2) - 1));
        var delay = TimeSpan.FromMilliseconds(jittered);
        if (retryAfter is { } asked && asked > delay)
        {
            delay = asked;
        }

        return now + delay;
    }
}
