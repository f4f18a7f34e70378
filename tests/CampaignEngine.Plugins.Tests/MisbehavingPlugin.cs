using CampaignEngine.Dispatch;

namespace CampaignEngine.Plugins.Tests;

/// <summary>
/// A real plugin, compiled and loaded like any other, whose setting <c>mode</c> makes it misbehave in
/// one chosen way: throw, hang, answer garbage. Used to show the guard turns each into a clean outcome.
/// </summary>
internal static class MisbehavingPlugin
{
    private const string Source = """
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using CampaignEngine.Plugins.Sdk;

        public sealed class MisbehavingChannel(IChannelConfiguration configuration) : IChannel
        {
            private string Mode => configuration.Get("mode") ?? "ok";
            private string Token => configuration.GetSecret("token") ?? "";

            public string Name => "misbehaving";
            public ContactKind Reaches => Mode == "reaches_garbage" ? (ContactKind)99 : ContactKind.Phone;

            public MessageCheck Check(ChannelMessage message) => Mode switch
            {
                "check_throw" => throw new InvalidOperationException("checker crashed, token " + Token),
                "check_null" => null!,
                "check_null_problems" => new MessageCheck(null!),
                "check_hang" => Hang<MessageCheck>(),
                "check_leaks" => MessageCheck.Fail("text refused by provider account " + Token),
                _ => MessageCheck.Ok,
            };

            public CostEstimate EstimateCost(ChannelMessage message) => Mode switch
            {
                "cost_negative" => new CostEstimate(-5),
                "cost_null" => null!,
                "cost_throw" => throw new DivideByZeroException(),
                _ => new CostEstimate(4),
            };

            public async Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
            {
                if (configuration.Get("calls_file") is { } calls)
                {
                    File.AppendAllText(calls, message.IdempotencyKey + "\n");
                }

                switch (Mode)
                {
                    case "throw":
                        throw new InvalidOperationException("provider exploded, token " + Token);
                    case "hang_ignoring_cancellation":
                        await Task.Delay(TimeSpan.FromMinutes(5));
                        return SendOutcome.Accepted("too-late");
                    case "block":
                        Thread.Sleep(TimeSpan.FromSeconds(20));
                        return SendOutcome.Accepted("too-late");
                    case "hang_honouring_cancellation":
                        await Task.Delay(Timeout.Infinite, cancellationToken);
                        return SendOutcome.Accepted("never");
                    case "null_outcome":
                        return null!;
                    case "accepted_without_id":
                        return new SendOutcome(SendStatus.Accepted);
                    case "unknown_status":
                        return new SendOutcome((SendStatus)42, "x");
                    case "negative_retry":
                        return SendOutcome.Failed("busy", TimeSpan.FromSeconds(-3));
                    case "rejected_silently":
                        return new SendOutcome(SendStatus.Rejected);
                    case "provider_state":
                        return File.ReadAllText(configuration.Get("state_file")!).Trim() == "down"
                            ? SendOutcome.Failed("provider down")
                            : SendOutcome.Accepted("id-" + message.IdempotencyKey);
                    default:
                        return SendOutcome.Accepted("id-" + message.IdempotencyKey);
                }
            }

            private static T Hang<T>()
            {
                Thread.Sleep(TimeSpan.FromSeconds(20));
                throw new TimeoutException();
            }
        }
        """;

    private static readonly Lazy<string> Compiled = new(() =>
    {
        var plugins = PluginCompiler.NewPluginsDirectory();
        PluginCompiler.CompilePlugin(Path.Combine(plugins, "misbehaving"), "misbehaving", Source);
        return plugins;
    });

    /// <summary>Loads the plugin as channel <c>x</c> with the given settings; secrets come from <paramref name="environment"/>.</summary>
    public static ChannelHost Host(IReadOnlyDictionary<string, object?> settings, IReadOnlyDictionary<string, string>? environment = null)
    {
        var withPlugin = new Dictionary<string, object?>(settings) { ["plugin"] = "misbehaving" };
        return ChannelHost.Load(Compiled.Value, [new("x", withPlugin)], name => environment?.GetValueOrDefault(name));
    }

    public static GuardedChannel Channel(string mode, string timeout = "300ms", IReadOnlyDictionary<string, string>? environment = null, Dictionary<string, object?>? more = null)
    {
        var settings = new Dictionary<string, object?>(more ?? []) { ["mode"] = mode, ["timeout"] = timeout };
        var host = Host(settings, environment);
        var configured = Assert.Single(host.Configured);
        Assert.True(configured.Channel is not null, string.Join("; ", configured.Problems));
        return configured.Channel;
    }
}
