using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Testing;

namespace CampaignEngine.Channels.Tests.Contract;

/// <summary>
/// A test-kit harness for a channel that talks HTTP: the kit's own local provider answers with the
/// provider's success JSON, 503, or not at all, and the harness says where the idempotency key travels.
/// </summary>
internal sealed class HttpChannelHarness(
    string channelName,
    Func<Uri, Dictionary<string, string>> settings,
    IReadOnlyDictionary<string, string> secrets,
    Func<IChannelConfiguration, IChannel> create,
    Func<string, ChannelMessage> goodMessage,
    Func<int, string> successBody,
    Func<ReceivedRequest, string?> keyOf) : ChannelHarness
{
    private readonly LocalHttpProvider _provider = new((_, number) => (200, successBody(number)));

    public override string ChannelName => channelName;

    public override IReadOnlyDictionary<string, string> Settings => settings(_provider.Url);

    public override IReadOnlyDictionary<string, string> Secrets => secrets;

    public override IChannel CreateChannel(IChannelConfiguration configuration) => create(configuration);

    public override ChannelMessage GoodMessage(string idempotencyKey) => goodMessage(idempotencyKey);

    public override void SetProvider(ProviderBehaviour behaviour) => _provider.Behaviour = behaviour;

    public override IReadOnlyList<string> IdempotencyKeysReceived()
        => _provider.Requests.Select(keyOf).OfType<string>().ToList();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _provider.Dispose();
        }
    }
}
