using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Testing;

namespace Acme.Channels.Webhook.Tests;

/// <summary>The webhook channel against a real HTTP receiver on 127.0.0.1.</summary>
public sealed class WebhookHarness : ChannelHarness
{
    public LocalHttpProvider Receiver { get; } = new();

    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["url"] = new Uri(Receiver.Url, "hooks/campaign").ToString(),
        ["cost_fen"] = "2",
    };

    public override IReadOnlyDictionary<string, string> Secrets { get; } = new Dictionary<string, string> { ["secret"] = "whsec-7f3a9c2e51" };

    public override IChannel CreateChannel(IChannelConfiguration configuration) => new WebhookChannel(configuration);

    public override ChannelMessage GoodMessage(string idempotencyKey)
        => new(idempotencyKey, "c-1001", "vip-group", "【小店】新品上架，老客户专享 9 折，回T退订");

    public override void SetProvider(ProviderBehaviour behaviour) => Receiver.Behaviour = behaviour;

    public override IReadOnlyList<string> IdempotencyKeysReceived()
        => Receiver.Requests.Select(r => r.Header("Idempotency-Key")).OfType<string>().ToList();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Receiver.Dispose();
        }
    }
}
