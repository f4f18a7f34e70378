using CampaignEngine.Dispatch;
using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Plugins.Tests;

/// <summary>A provider that keeps failing is left alone for a while, then tried again.</summary>
public sealed class CircuitBreakerTests : IDisposable
{
    private readonly string folder = PluginCompiler.NewPluginsDirectory();

    private string StateFile => Path.Combine(folder, "state");

    private string CallsFile => Path.Combine(folder, "calls");

    private int ProviderCalls => File.Exists(CallsFile) ? File.ReadAllLines(CallsFile).Length : 0;

    // The break is long where a test needs the circuit to stay open, so a slow CI machine cannot outrun it.
    private GuardedChannel Channel(string circuitBreak = "60s") => MisbehavingPlugin.Channel("provider_state", more: new()
    {
        ["state_file"] = StateFile,
        ["calls_file"] = CallsFile,
        ["circuit_minimum_calls"] = "2",
        ["circuit_failure_ratio"] = "0.5",
        ["circuit_sampling"] = "30s",
        ["circuit_break"] = circuitBreak,
    });

    private static ChannelMessage Message(int n) => new($"key-{n}", "c-1", "13800000000", "hello");

    [Fact]
    public async Task Repeated_failures_open_the_circuit_and_sends_fail_fast_with_a_retry_after_without_calling_the_provider()
    {
        File.WriteAllText(StateFile, "down");
        var channel = Channel();

        Assert.Equal("provider down", (await channel.SendAsync(Message(1), CancellationToken.None)).Reason);
        Assert.Equal("provider down", (await channel.SendAsync(Message(2), CancellationToken.None)).Reason);
        var refused = await channel.SendAsync(Message(3), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, refused.Status);
        Assert.StartsWith("channel 'x' is paused after repeated failures (circuit open); retrying after", refused.Reason);
        Assert.InRange(refused.RetryAfter!.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(2, ProviderCalls);
    }

    [Fact]
    public async Task After_the_break_a_trial_send_goes_through_and_a_recovered_provider_closes_the_circuit()
    {
        File.WriteAllText(StateFile, "down");
        var channel = Channel(circuitBreak: "2s");
        await channel.SendAsync(Message(1), CancellationToken.None);
        await channel.SendAsync(Message(2), CancellationToken.None);
        Assert.Contains("circuit open", (await channel.SendAsync(Message(3), CancellationToken.None)).Reason);

        File.WriteAllText(StateFile, "up");
        await Task.Delay(TimeSpan.FromMilliseconds(2300));

        Assert.Equal(SendOutcome.Accepted("id-key-4"), await channel.SendAsync(Message(4), CancellationToken.None));
        Assert.Equal(SendOutcome.Accepted("id-key-5"), await channel.SendAsync(Message(5), CancellationToken.None));
        Assert.Equal(4, ProviderCalls);
    }

    [Fact]
    public async Task Rejections_are_about_one_message_and_never_open_the_circuit()
    {
        var channel = MisbehavingPlugin.Channel("rejected_silently", more: new() { ["circuit_minimum_calls"] = "2" });

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(SendStatus.Rejected, (await channel.SendAsync(Message(i), CancellationToken.None)).Status);
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
