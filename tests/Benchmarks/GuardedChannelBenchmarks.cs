using BenchmarkDotNet.Attributes;
using CampaignEngine.Dispatch;
using CampaignEngine.Plugins.Sdk;

namespace Benchmarks;

/// <summary>
/// What the isolation wrapper costs per call: a plugin called directly against the same plugin behind
/// <see cref="GuardedChannel"/> (thread-pool hop, deadline, answer validation, circuit breaker on sends).
/// No target: the figure tells the dry-run and dispatch code whether to cache cost estimates.
/// Run: <c>dotnet run -c Release --project tests/Benchmarks -- --filter '*GuardedChannel*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class GuardedChannelBenchmarks
{
    private static readonly ChannelMessage Message = new("c/r/1/2026-11-23", "1", "13800000000", "【小店】上新啦，回T退订");
    private readonly IChannel plugin = new InstantChannel();
    private GuardedChannel guarded = null!;

    [GlobalSetup]
    public void Setup() => guarded = GuardedChannel.Create("sms", plugin, ChannelGuardOptions.Default, new SecretRedactor()).Channel!;

    [Benchmark(Baseline = true)]
    public CostEstimate EstimateCostDirect() => plugin.EstimateCost(Message);

    [Benchmark]
    public CostEstimate? EstimateCostGuarded() => guarded.EstimateCost(Message).Cost;

    [Benchmark]
    public Task<SendOutcome> SendDirect() => plugin.SendAsync(Message, CancellationToken.None);

    [Benchmark]
    public Task<SendOutcome> SendGuarded() => guarded.SendAsync(Message, CancellationToken.None);

    /// <summary>A channel that answers at once, so only the wrapper is measured.</summary>
    private sealed class InstantChannel : IChannel
    {
        private static readonly Task<SendOutcome> Accepted = Task.FromResult(SendOutcome.Accepted("p-1"));

        public string Name => "sms";

        public ContactKind Reaches => ContactKind.Phone;

        public MessageCheck Check(ChannelMessage message) => MessageCheck.Ok;

        public CostEstimate EstimateCost(ChannelMessage message) => new(5);

        public Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken) => Accepted;
    }
}
