using System.Diagnostics;
using CampaignEngine.Plugins.Sdk;
using Polly;
using Polly.CircuitBreaker;

namespace CampaignEngine.Dispatch;

/// <summary>
/// The one door to a plugin's code. Every call runs with a deadline, under exception capture, and has
/// its answer checked; sends also pass a circuit breaker per channel so a dead provider is not hammered.
/// Whatever the plugin does — throw, hang, answer garbage — the caller gets a value: a failed check,
/// a quote with a problem, or a <see cref="SendOutcome"/>. Secret values are masked in every text.
/// The only exception that leaves is <see cref="OperationCanceledException"/> when the caller itself cancels.
/// </summary>
internal sealed class GuardedChannel : IDisposable
{
    private readonly IChannel plugin;
    private readonly ChannelGuardOptions options;
    private readonly SecretRedactor redactor;
    private readonly ResiliencePipeline<SendOutcome> circuit;

    private GuardedChannel(string name, ContactKind reaches, string pluginChannelName, IChannel plugin, ChannelGuardOptions options, SecretRedactor redactor, TimeProvider time)
    {
        Name = name;
        Reaches = reaches;
        PluginChannelName = pluginChannelName;
        this.plugin = plugin;
        this.options = options;
        this.redactor = redactor;
        circuit = new ResiliencePipelineBuilder<SendOutcome> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<SendOutcome>
            {
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = options.CircuitMinimumCalls,
                SamplingDuration = options.CircuitSampling,
                BreakDuration = options.CircuitBreak,
                // Transient failures (and our own timeouts and garbage, which become Failed) say the provider
                // is in trouble; a rejection is about one message and says nothing about the provider.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Status: SendStatus.Failed }),
            })
            .Build();
    }

    /// <summary>The channel's name in campaigns and engine.yaml (the config key).</summary>
    public string Name { get; }

    public ContactKind Reaches { get; }

    /// <summary>The name the plugin gives itself (its <see cref="IChannel.Name"/>), shown by <c>campaign plugins</c>.</summary>
    public string PluginChannelName { get; }

    /// <summary>Wraps a freshly created plugin instance; its Name and Reaches are read once, under guard.</summary>
    public static (GuardedChannel? Channel, string? Problem) Create(
        string name, IChannel plugin, ChannelGuardOptions options, SecretRedactor redactor, TimeProvider? time = null)
    {
        var (identity, fault) = Call(options.Timeout, redactor, "reading Name and Reaches", () => (plugin.Name, plugin.Reaches));
        if (fault is not null)
        {
            return (null, fault);
        }

        if (string.IsNullOrWhiteSpace(identity.Name))
        {
            return (null, "plugin returned garbage: an empty channel Name");
        }

        if (!Enum.IsDefined(identity.Reaches))
        {
            return (null, $"plugin returned garbage: Reaches = {(int)identity.Reaches}, which is no {nameof(ContactKind)}");
        }

        return (new GuardedChannel(name, identity.Reaches, identity.Name, plugin, options, redactor, time ?? TimeProvider.System), null);
    }

    public MessageCheck Check(ChannelMessage message)
    {
        var (check, fault) = Call(options.Timeout, redactor, "check", () => plugin.Check(message));
        if (fault is not null)
        {
            return MessageCheck.Fail(fault);
        }

        if (check is null)
        {
            return Garbage("no check result (null)");
        }

        if (check.Problems is null)
        {
            return Garbage("a check without a problem list (null)");
        }

        if (check.Problems.Any(string.IsNullOrWhiteSpace))
        {
            return Garbage("a check with an empty problem");
        }

        return check.IsOk ? check : new MessageCheck(check.Problems.Select(redactor.Redact).ToList());

        static MessageCheck Garbage(string what) => MessageCheck.Fail($"plugin returned garbage: {what}");
    }

    public CostQuote EstimateCost(ChannelMessage message)
    {
        var (cost, fault) = Call(options.Timeout, redactor, "cost estimate", () => plugin.EstimateCost(message));
        return (cost, fault) switch
        {
            (_, not null) => new CostQuote(null, fault),
            (null, _) => new CostQuote(null, "plugin returned garbage: no cost estimate (null)"),
            ({ Fen: < 0 }, _) => new CostQuote(null, $"plugin returned garbage: a negative cost of {cost.Fen} fen"),
            ({ Units: < 0 }, _) => new CostQuote(null, $"plugin returned garbage: a negative number of billed units ({cost.Units})"),
            _ => new CostQuote(cost, null),
        };
    }

    /// <summary>
    /// Sends one message. Returns Failed with a reason when the plugin throws, answers garbage or misses
    /// the deadline, and Failed with a retry-after while the circuit is open.
    /// </summary>
    public async Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await circuit.ExecuteAsync(token => SendOnceAsync(message, token), cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            var retryAfter = ex.RetryAfter ?? options.CircuitBreak;
            return SendOutcome.Failed(
                $"channel '{Name}' is paused after repeated failures (circuit open); retrying after {DurationSetting.Format(retryAfter)}", retryAfter);
        }
    }

    private async ValueTask<SendOutcome> SendOnceAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = new CallClock(options.Timeout);
        // Task.Run: a plugin that blocks before its first await must not block the dispatcher with it.
        var send = Task.Run(() =>
        {
            clock.Start();
            deadline.CancelAfter(options.Timeout);
            return plugin.SendAsync(message, deadline.Token);
        }, CancellationToken.None);
        try
        {
            while (true)
            {
                try
                {
                    return Validate(await send.WaitAsync(clock.Remaining, cancellationToken).ConfigureAwait(false));
                }
                catch (TimeoutException) when (!clock.IsOver)
                {
                    // Still queued behind a busy thread pool, or started late: its deadline is not up yet.
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Observe(send);
            throw;
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // Either the plugin gave up at the deadline (it honoured the token) or it ignored the token and
            // is abandoned here; in both cases the message failed transiently.
            await deadline.CancelAsync().ConfigureAwait(false);
            Observe(send);
            return SendOutcome.Failed($"timed out after {DurationSetting.Format(options.Timeout)}");
        }
        catch (Exception ex)
        {
            return SendOutcome.Failed(redactor.Redact($"plugin threw {ex.GetType().Name}: {ex.Message}"));
        }
    }

    private SendOutcome Validate(SendOutcome? outcome)
    {
        string? garbage = outcome switch
        {
            null => "no outcome (null)",
            _ when !Enum.IsDefined(outcome.Status) => $"an unknown status ({(int)outcome.Status})",
            { Status: SendStatus.Accepted } when string.IsNullOrWhiteSpace(outcome.ProviderMessageId) => "accepted without a provider message id",
            { RetryAfter: { } wait } when wait < TimeSpan.Zero => $"a negative retry-after ({wait})",
            _ => null,
        };
        if (garbage is not null)
        {
            return SendOutcome.Failed($"plugin returned garbage: {garbage}");
        }

        var reason = outcome!.Status == SendStatus.Accepted ? outcome.Reason : outcome.Reason is { Length: > 0 } given ? given : "the plugin gave no reason";
        return outcome with
        {
            ProviderMessageId = outcome.ProviderMessageId is null ? null : redactor.Redact(outcome.ProviderMessageId),
            Reason = reason is null ? null : redactor.Redact(reason),
        };
    }

    /// <summary>Releases what the plugin holds (HTTP clients, connections); a plugin failing to let go is not our failure.</summary>
    public void Dispose()
    {
        if (plugin is IDisposable disposable)
        {
            Call(options.Timeout, redactor, "dispose", () =>
            {
                disposable.Dispose();
                return true;
            });
        }
    }

    /// <summary>Runs a synchronous plugin call with a deadline; an exception or a miss becomes a fault sentence.</summary>
    private static (T? Value, string? Fault) Call<T>(TimeSpan timeout, SecretRedactor redactor, string what, Func<T> call)
    {
        var clock = new CallClock(timeout);
        var task = Task.Run(() =>
        {
            clock.Start();
            return call();
        });
        try
        {
            while (!task.Wait(clock.Remaining))
            {
                if (clock.IsOver)
                {
                    return Abandon(task, $"{what} timed out after {DurationSetting.Format(timeout)}");
                }
            }

            return (task.Result, null);
        }
        catch (AggregateException ex)
        {
            var inner = ex.GetBaseException();
            return (default, redactor.Redact($"{what} threw {inner.GetType().Name}: {inner.Message}"));
        }

        static (T?, string?) Abandon(Task task, string fault)
        {
            Observe(task);
            return (default, fault);
        }
    }

    /// <summary>
    /// A call's deadline, counted from when the plugin's code starts running rather than from when the call
    /// was queued: on a busy machine the wait for a thread is not the plugin's fault. Waiting with
    /// <see cref="Remaining"/> until <see cref="IsOver"/> costs one thread hand-off per call, not two.
    /// </summary>
    private sealed class CallClock(TimeSpan timeout)
    {
        private long startedAt;

        public void Start() => Volatile.Write(ref startedAt, Stopwatch.GetTimestamp());

        public bool IsOver => Volatile.Read(ref startedAt) is var started and not 0 && Stopwatch.GetElapsedTime(started) >= timeout;

        public TimeSpan Remaining => Volatile.Read(ref startedAt) is var started and not 0
            ? TimeSpan.FromTicks(Math.Max(0, (timeout - Stopwatch.GetElapsedTime(started)).Ticks))
            : timeout;
    }

    /// <summary>An abandoned call may still fail later; observe it so that is not reported as unobserved.</summary>
    private static void Observe(Task task) => task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
}
