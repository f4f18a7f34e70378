using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Testing;

namespace CampaignEngine.Plugins.Tests;

/// <summary>
/// The test kit tested: a channel that keeps the contract passes every rule, and each way of breaking
/// it is caught by the rule meant for it — so a plugin author can trust a green run.
/// </summary>
public sealed class ContractKitTests
{
    [Flags]
    public enum Fault
    {
        None = 0,
        IgnoresCancellation = 1,
        DropsIdempotencyKey = 2,
        AcceptsEmptyMessages = 4,
        LeaksSecret = 8,
        ThrowsOnProviderFailure = 16,
        RandomCost = 32,
        BadName = 64,
    }

    [Fact]
    public async Task A_channel_that_keeps_the_contract_passes_every_rule()
        => Assert.Empty(await ChannelContract.VerifyAsync(() => new ExampleHarness(Fault.None)));

    [Theory]
    [InlineData(Fault.IgnoresCancellation, new[] { nameof(ChannelContract.SendHonoursCancellation), nameof(ChannelContract.SendHonoursTheDeadline) })]
    [InlineData(Fault.DropsIdempotencyKey, new[] { nameof(ChannelContract.SendPassesTheIdempotencyKey) })]
    [InlineData(Fault.AcceptsEmptyMessages, new[] { nameof(ChannelContract.CheckRefusesAnEmptyMessageWithAReason) })]
    [InlineData(Fault.LeaksSecret, new[] { nameof(ChannelContract.ProviderFailureIsAnOutcomeNotAnException), nameof(ChannelContract.NoSecretInAnyMessage) })]
    [InlineData(Fault.ThrowsOnProviderFailure, new[] { nameof(ChannelContract.ProviderFailureIsAnOutcomeNotAnException) })]
    [InlineData(Fault.RandomCost, new[] { nameof(ChannelContract.CostIsNonNegativeAndDeterministic) })]
    [InlineData(Fault.BadName, new[] { nameof(ChannelContract.NameAndReachAreSane) })]
    public async Task Each_way_of_breaking_the_contract_is_caught_by_its_rule(Fault fault, string[] brokenRules)
    {
        var broken = await ChannelContract.VerifyAsync(() => new ExampleHarness(fault));

        Assert.Equal(brokenRules, broken.Select(b => b.Rule));
        Assert.All(broken, b => Assert.DoesNotContain(ExampleHarness.Secret, b.Message));
    }

    [Fact]
    public async Task A_broken_rule_says_what_the_channel_did_and_what_to_do()
    {
        var broken = await ChannelContract.VerifyAsync(() => new ExampleHarness(Fault.DropsIdempotencyKey));

        Assert.StartsWith("SendPassesTheIdempotencyKey: the provider did not receive the idempotency key contract-", Assert.Single(broken).Message);
        Assert.Contains("pass ChannelMessage.IdempotencyKey to the provider", broken[0].Message);
    }

    /// <summary>The xunit base class runs every rule as a fact of the inheriting class.</summary>
    public sealed class AsXunitFacts : ChannelContractTests
    {
        protected override ChannelHarness CreateHarness() => new ExampleHarness(Fault.None);
    }

    /// <summary>An in-memory provider with the behaviours the kit asks for.</summary>
    private sealed class ExampleProvider
    {
        public ProviderBehaviour Behaviour { get; set; }

        public List<string> Keys { get; } = [];
    }

    private sealed class ExampleChannel(IChannelConfiguration configuration, ExampleProvider provider, Fault faults) : IChannel
    {
        private readonly string apiKey = configuration.GetSecret("api_key") ?? throw new ArgumentException("api_key_env is required");

        public string Name => faults.HasFlag(Fault.BadName) ? "Example Channel" : "example";

        public ContactKind Reaches => ContactKind.Phone;

        public MessageCheck Check(ChannelMessage message)
            => string.IsNullOrWhiteSpace(message.Text) && !faults.HasFlag(Fault.AcceptsEmptyMessages) ? MessageCheck.Fail("the message is empty") : MessageCheck.Ok;

        public CostEstimate EstimateCost(ChannelMessage message)
            => new(faults.HasFlag(Fault.RandomCost) ? Random.Shared.Next(1, 1_000_000) : 5);

        public async Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
        {
            var token = faults.HasFlag(Fault.IgnoresCancellation) ? CancellationToken.None : cancellationToken;
            token.ThrowIfCancellationRequested();
            provider.Keys.Add(faults.HasFlag(Fault.DropsIdempotencyKey) ? "" : message.IdempotencyKey);
            switch (provider.Behaviour)
            {
                case ProviderBehaviour.Hanging:
                    await Task.Delay(TimeSpan.FromSeconds(10), token);
                    return SendOutcome.Failed("no answer");
                case ProviderBehaviour.Failing when faults.HasFlag(Fault.ThrowsOnProviderFailure):
                    throw new HttpRequestException("503");
                case ProviderBehaviour.Failing when faults.HasFlag(Fault.LeaksSecret):
                    return SendOutcome.Failed($"POST https://sms.example.com/send?key={apiKey} answered 503");
                case ProviderBehaviour.Failing:
                    return SendOutcome.Failed("the provider answered 503", TimeSpan.FromSeconds(1));
                default:
                    return SendOutcome.Accepted($"ex-{provider.Keys.Count}");
            }
        }
    }

    private sealed class ExampleHarness(Fault faults) : ChannelHarness
    {
        public const string Secret = "ak-93f1c07d2e";
        private readonly ExampleProvider provider = new();

        public override IReadOnlyDictionary<string, string> Secrets { get; } = new Dictionary<string, string> { ["api_key"] = Secret };

        public override IChannel CreateChannel(IChannelConfiguration configuration) => new ExampleChannel(configuration, provider, faults);

        public override ChannelMessage GoodMessage(string idempotencyKey) => new(idempotencyKey, "c-1", "13800000000", "【小店】上新啦，回T退订");

        public override void SetProvider(ProviderBehaviour behaviour) => provider.Behaviour = behaviour;

        public override IReadOnlyList<string> IdempotencyKeysReceived() => provider.Keys;
    }
}
