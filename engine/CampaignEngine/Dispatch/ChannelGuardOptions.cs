namespace CampaignEngine.Dispatch;

/// <summary>
/// How hard the engine protects itself and the provider from one channel: the deadline of a call and
/// when to stop calling a provider that keeps failing (engine.yaml: <c>timeout</c>, <c>circuit_*</c>).
/// </summary>
internal sealed record ChannelGuardOptions
{
    public static ChannelGuardOptions Default { get; } = new();

    /// <summary>Deadline of one call into the plugin; a send still running then is abandoned as failed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failed sends within <see cref="CircuitSampling"/> that opens the circuit.</summary>
    public double CircuitFailureRatio { get; init; } = 0.5;

    /// <summary>Fewest sends within <see cref="CircuitSampling"/> before the ratio counts (Polly needs ≥ 2).</summary>
    public int CircuitMinimumCalls { get; init; } = 5;

    public TimeSpan CircuitSampling { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses sends before one trial send is let through.</summary>
    public TimeSpan CircuitBreak { get; init; } = TimeSpan.FromSeconds(30);
}
