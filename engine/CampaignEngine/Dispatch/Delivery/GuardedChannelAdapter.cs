using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Dispatch.Delivery;

/// <summary>
/// Lets the dispatcher, which speaks the SDK's <see cref="IChannel"/>, send through a loaded plugin's
/// <see cref="GuardedChannel"/> — deadline, exception capture and circuit breaker included.
/// </summary>
internal sealed class GuardedChannelAdapter(GuardedChannel channel) : IChannel
{
    public string Name => channel.Name;

    public ContactKind Reaches => channel.Reaches;

    public MessageCheck Check(ChannelMessage message) => channel.Check(message);

    public CostEstimate EstimateCost(ChannelMessage message) => channel.EstimateCost(message).Cost ?? CostEstimate.Free;

    public Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken) => channel.SendAsync(message, cancellationToken);

    /// <summary>The host's channels as the dispatcher wants them, by the name campaigns use.</summary>
    public static IReadOnlyDictionary<string, IChannel> All(ChannelHost host) =>
        host.Channels.ToDictionary(c => c.Key, c => (IChannel)new GuardedChannelAdapter(c.Value), StringComparer.OrdinalIgnoreCase);
}
