using CampaignEngine.Plugins.Testing;

namespace Acme.Channels.Webhook.Tests;

/// <summary>Every rule of the channel contract, run against the webhook channel.</summary>
public sealed class WebhookChannelContractTests : ChannelContractTests
{
    protected override ChannelHarness CreateHarness() => new WebhookHarness();
}
