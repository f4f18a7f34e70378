using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Testing;

namespace Acme.Channels.Webhook.Tests;

/// <summary>What is particular to the webhook channel, beyond the shared contract.</summary>
public sealed class WebhookChannelTests
{
    [Fact]
    public async Task The_body_is_signed_with_the_secret_so_the_receiver_can_trust_it()
    {
        using var harness = new WebhookHarness();
        var channel = harness.CreateChannel(harness.Configuration);

        var outcome = await channel.SendAsync(harness.GoodMessage("k-1"), CancellationToken.None);

        Assert.Equal(SendStatus.Accepted, outcome.Status);
        Assert.Equal("msg-1", outcome.ProviderMessageId);
        var request = Assert.Single(harness.Receiver.Requests);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("whsec-7f3a9c2e51"), Encoding.UTF8.GetBytes(request.Body)));
        Assert.Equal(expected, request.Header("X-Signature"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("vip-group", body.RootElement.GetProperty("address").GetString());
        Assert.Equal("k-1", body.RootElement.GetProperty("idempotency_key").GetString());
    }

    [Fact]
    public async Task A_client_error_is_a_permanent_rejection()
    {
        using var receiver = new LocalHttpProvider((_, _) => (422, "{\"error\": \"unknown group\"}"));
        var channel = new WebhookChannel(new TestChannelConfiguration("crm", new Dictionary<string, string> { ["url"] = receiver.Url.ToString() }));

        var outcome = await channel.SendAsync(new ChannelMessage("k-2", "c-1", "nope", "hi"), CancellationToken.None);

        Assert.Equal(SendStatus.Rejected, outcome.Status);
        Assert.Contains("HTTP 422", outcome.Reason);
    }

    [Fact]
    public async Task A_server_error_is_a_transient_failure_with_the_providers_retry_after()
    {
        using var harness = new WebhookHarness();
        harness.SetProvider(ProviderBehaviour.Failing);

        var outcome = await harness.CreateChannel(harness.Configuration).SendAsync(harness.GoodMessage("k-3"), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), outcome.RetryAfter);
    }

    [Fact]
    public void A_missing_url_is_refused_with_the_setting_to_write()
    {
        var ex = Assert.Throws<ArgumentException>(() => new WebhookChannel(new TestChannelConfiguration("crm")));
        Assert.Contains("url:", ex.Message);
    }
}
