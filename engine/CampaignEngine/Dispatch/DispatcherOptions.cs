using CampaignEngine.Dispatch.Delivery;

namespace CampaignEngine.Dispatch;

/// <summary>How the dispatcher works through the outbox.</summary>
internal sealed record DispatcherOptions
{
    /// <summary>How many due messages one claim takes (one transaction).</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Per channel name; channels not listed retry on <see cref="RetrySchedule.Default"/>.</summary>
    public IReadOnlyDictionary<string, RetrySchedule> Retries { get; init; } = new Dictionary<string, RetrySchedule>();

    /// <summary>Per channel name; channels not listed get <see cref="DefaultLimits"/>.</summary>
    public IReadOnlyDictionary<string, ChannelLimits> Limits { get; init; } = new Dictionary<string, ChannelLimits>();

    public ChannelLimits DefaultLimits { get; init; } = new();

    /// <summary>The shop's time zone: quiet hours and the budget's day are on its clock.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Seed of the retry jitter, so a test sees the same schedule every time.</summary>
    public int Seed { get; init; } = 20261123;

    public RetrySchedule RetriesOf(string channel) => Retries.GetValueOrDefault(channel) ?? RetrySchedule.Default;

    public ChannelLimits LimitsOf(string channel) => Limits.GetValueOrDefault(channel) ?? DefaultLimits;
}
