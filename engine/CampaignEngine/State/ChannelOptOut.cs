namespace CampaignEngine.State;

/// <summary>A customer who does not want messages on <see cref="Channel"/> (<see cref="AllChannels"/> for every channel).</summary>
internal sealed record ChannelOptOut(string CustomerId, string Channel, DateTimeOffset At, string Source)
{
    public const string AllChannels = "all";
}
