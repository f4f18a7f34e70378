using Xunit;

namespace CampaignEngine.Plugins.Testing;

/// <summary>
/// The channel contract as xunit facts: inherit, return your harness from <see cref="CreateHarness"/>,
/// and every rule of <see cref="ChannelContract"/> runs as its own test of your channel.
/// </summary>
public abstract class ChannelContractTests
{
    /// <summary>A fresh harness (fake provider and channel settings) for one rule.</summary>
    protected abstract ChannelHarness CreateHarness();

    [Fact]
    public void Name_and_reach_are_sane() => Run(ChannelContract.NameAndReachAreSane);

    [Fact]
    public void Check_accepts_a_good_message() => Run(ChannelContract.CheckAcceptsAGoodMessage);

    [Fact]
    public void Check_refuses_an_empty_message_with_a_reason() => Run(ChannelContract.CheckRefusesAnEmptyMessageWithAReason);

    [Fact]
    public void Cost_is_non_negative_and_deterministic() => Run(ChannelContract.CostIsNonNegativeAndDeterministic);

    [Fact]
    public Task Send_returns_a_valid_outcome() => RunAsync(ChannelContract.SendReturnsAValidOutcome);

    [Fact]
    public Task Send_passes_the_idempotency_key_to_the_provider() => RunAsync(ChannelContract.SendPassesTheIdempotencyKey);

    [Fact]
    public Task Send_honours_cancellation() => RunAsync(ChannelContract.SendHonoursCancellation);

    [Fact]
    public Task Send_honours_the_deadline() => RunAsync(ChannelContract.SendHonoursTheDeadline);

    [Fact]
    public Task A_failing_provider_gives_an_outcome_not_an_exception() => RunAsync(ChannelContract.ProviderFailureIsAnOutcomeNotAnException);

    [Fact]
    public Task No_secret_appears_in_any_message() => RunAsync(ChannelContract.NoSecretInAnyMessage);

    private void Run(Action<ChannelHarness> rule)
    {
        using var harness = CreateHarness();
        rule(harness);
    }

    private async Task RunAsync(Func<ChannelHarness, Task> rule)
    {
        using var harness = CreateHarness();
        await rule(harness);
    }
}
