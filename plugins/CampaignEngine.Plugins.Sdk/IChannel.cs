namespace CampaignEngine.Plugins.Sdk;

/// <summary>
/// The channel contract — the one interface a plugin implements. A plugin assembly exposes one or
/// more public, non-abstract classes implementing it with a public constructor taking
/// <see cref="IChannelConfiguration"/>; the engine creates one instance per configured channel.
/// Implementations must be safe to call concurrently from several dispatch workers.
/// </summary>
public interface IChannel
{
    /// <summary>
    /// The channel's name: <c>sms</c>, <c>email</c>, <c>wechat_work</c> … — what engine.yaml's <c>plugin:</c>
    /// setting names, and the usual key of its <c>channels:</c> block (the key is the name campaigns use).
    /// Return a constant (<c>Name => "sms"</c>): the engine reads it before it configures the channel.
    /// </summary>
    string Name { get; }

    /// <summary>Which contact detail of a customer this channel needs.</summary>
    ContactKind Reaches { get; }

    /// <summary>Checks a message before anything is spent: length, required fields, forbidden content.</summary>
    MessageCheck Check(ChannelMessage message);

    /// <summary>What sending this message would cost, without sending it (used by dry-runs and budgets).</summary>
    CostEstimate EstimateCost(ChannelMessage message);

    /// <summary>
    /// Sends one message. Pass <see cref="ChannelMessage.IdempotencyKey"/> to the provider so a retry after
    /// a crash is not delivered twice. Honour <paramref name="cancellationToken"/>; it fires at the deadline.
    /// Expected failures are outcomes, not exceptions.
    /// </summary>
    Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken);
}
