using System.Diagnostics;
using System.Text.RegularExpressions;
using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Plugins.Testing;

/// <summary>
/// The rules every channel plugin must keep, runnable from any test framework: each rule is a method
/// that throws <see cref="ChannelContractException"/> when the channel breaks it, and
/// <see cref="VerifyAsync"/> runs them all. xunit users inherit <see cref="ChannelContractTests"/> instead.
/// </summary>
public static partial class ChannelContract
{
    /// <summary>Every rule by name, in the order <see cref="VerifyAsync"/> runs them.</summary>
    public static IReadOnlyList<(string Rule, Func<ChannelHarness, Task> Check)> Rules { get; } =
    [
        (nameof(NameAndReachAreSane), h => Sync(NameAndReachAreSane, h)),
        (nameof(CheckAcceptsAGoodMessage), h => Sync(CheckAcceptsAGoodMessage, h)),
        (nameof(CheckRefusesAnEmptyMessageWithAReason), h => Sync(CheckRefusesAnEmptyMessageWithAReason, h)),
        (nameof(CostIsNonNegativeAndDeterministic), h => Sync(CostIsNonNegativeAndDeterministic, h)),
        (nameof(SendReturnsAValidOutcome), SendReturnsAValidOutcome),
        (nameof(SendPassesTheIdempotencyKey), SendPassesTheIdempotencyKey),
        (nameof(SendHonoursCancellation), SendHonoursCancellation),
        (nameof(SendHonoursTheDeadline), SendHonoursTheDeadline),
        (nameof(ProviderFailureIsAnOutcomeNotAnException), ProviderFailureIsAnOutcomeNotAnException),
        (nameof(NoSecretInAnyMessage), NoSecretInAnyMessage),
    ];

    /// <summary>Runs every rule, each with a fresh harness, and returns the broken ones (empty: the channel keeps the contract).</summary>
    public static async Task<IReadOnlyList<ChannelContractException>> VerifyAsync(Func<ChannelHarness> createHarness)
    {
        var broken = new List<ChannelContractException>();
        foreach (var (rule, check) in Rules)
        {
            using var harness = createHarness();
            try
            {
                await check(harness).ConfigureAwait(false);
            }
            catch (ChannelContractException ex)
            {
                broken.Add(ex);
            }
            catch (Exception ex)
            {
                broken.Add(new ChannelContractException(rule, $"the channel threw {ex.GetType().Name}: {ex.Message}"));
            }
        }

        return broken;
    }

    /// <summary>The name is a short identifier (what engine.yaml and campaigns write) and Reaches is a real contact kind.</summary>
    public static void NameAndReachAreSane(ChannelHarness harness)
    {
        var channel = harness.CreateChannel(harness.Configuration);
        if (channel.Name is null || !Identifier().IsMatch(channel.Name))
        {
            Fail(nameof(NameAndReachAreSane), $"Name is \"{channel.Name}\"; it must be a short lowercase identifier like \"sms\" or \"wechat_group\"");
        }

        if (!Enum.IsDefined(channel.Reaches))
        {
            Fail(nameof(NameAndReachAreSane), $"Reaches is {(int)channel.Reaches}, which is no {nameof(ContactKind)}");
        }
    }

    public static void CheckAcceptsAGoodMessage(ChannelHarness harness)
    {
        const string rule = nameof(CheckAcceptsAGoodMessage);
        var check = harness.CreateChannel(harness.Configuration).Check(harness.GoodMessage(NewKey()));
        RequireWellFormed(rule, check);
        if (!check.IsOk)
        {
            Fail(rule, $"the good message was refused: {string.Join("; ", check.Problems)}");
        }
    }

    public static void CheckRefusesAnEmptyMessageWithAReason(ChannelHarness harness)
    {
        const string rule = nameof(CheckRefusesAnEmptyMessageWithAReason);
        var check = harness.CreateChannel(harness.Configuration).Check(harness.EmptyMessage(NewKey()));
        RequireWellFormed(rule, check);
        if (check.IsOk)
        {
            Fail(rule, "a message without text passed the check; refuse it with a reason a marketer can act on");
        }

        if (check.Problems.Any(string.IsNullOrWhiteSpace))
        {
            Fail(rule, "the check gave an empty problem; every problem must say what is wrong");
        }

        NoSecretIn(rule, harness, check.Problems);
    }

    public static void CostIsNonNegativeAndDeterministic(ChannelHarness harness)
    {
        const string rule = nameof(CostIsNonNegativeAndDeterministic);
        var channel = harness.CreateChannel(harness.Configuration);
        var message = harness.GoodMessage(NewKey());
        var first = channel.EstimateCost(message);
        var second = channel.EstimateCost(message);
        if (first is null)
        {
            Fail(rule, "EstimateCost returned null; return CostEstimate.Free for a free channel");
        }

        if (first!.Fen < 0 || first.Units < 0)
        {
            Fail(rule, $"EstimateCost returned {first.Fen} fen for {first.Units} units; a cost is never negative");
        }

        if (first != second)
        {
            Fail(rule, $"EstimateCost gave {first} and then {second} for the same message; budgets need one answer");
        }
    }

    public static async Task SendReturnsAValidOutcome(ChannelHarness harness)
    {
        const string rule = nameof(SendReturnsAValidOutcome);
        harness.SetProvider(ProviderBehaviour.Working);
        var outcome = await SendWithin(rule, harness, harness.CreateChannel(harness.Configuration), harness.GoodMessage(NewKey()), CancellationToken.None, TimeSpan.FromSeconds(30));
        if (outcome is not { Status: SendStatus.Accepted } || string.IsNullOrWhiteSpace(outcome.ProviderMessageId))
        {
            Fail(rule, $"a working provider should accept the good message with a provider message id, but the outcome was {Describe(outcome)}");
        }
    }

    public static async Task SendPassesTheIdempotencyKey(ChannelHarness harness)
    {
        const string rule = nameof(SendPassesTheIdempotencyKey);
        harness.SetProvider(ProviderBehaviour.Working);
        var key = NewKey();
        await SendWithin(rule, harness, harness.CreateChannel(harness.Configuration), harness.GoodMessage(key), CancellationToken.None, TimeSpan.FromSeconds(30));
        var received = harness.IdempotencyKeysReceived();
        if (!received.Contains(key))
        {
            Fail(rule, $"the provider did not receive the idempotency key {key} (it received: {(received.Count == 0 ? "none" : string.Join(", ", received))}); "
                       + "pass ChannelMessage.IdempotencyKey to the provider so a retry after a crash is not delivered twice");
        }
    }

    /// <summary>A token already cancelled, or cancelled while the provider hangs, ends the send promptly.</summary>
    public static async Task SendHonoursCancellation(ChannelHarness harness)
    {
        const string rule = nameof(SendHonoursCancellation);
        var channel = harness.CreateChannel(harness.Configuration);
        harness.SetProvider(ProviderBehaviour.Hanging);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync().ConfigureAwait(false);
        await ExpectPromptEnd(rule, harness, channel, harness.GoodMessage(NewKey()), cancelled.Token, "an already cancelled token").ConfigureAwait(false);

        using var midway = new CancellationTokenSource();
        var send = ExpectPromptEnd(rule, harness, channel, harness.GoodMessage(NewKey()), midway.Token, "a token cancelled while the provider hangs", TimeSpan.FromMilliseconds(200));
        await Task.Delay(200).ConfigureAwait(false);
        await midway.CancelAsync().ConfigureAwait(false);
        await send.ConfigureAwait(false);
    }

    /// <summary>The engine cancels the token at the send's deadline; a hanging provider must not keep the send past it.</summary>
    public static async Task SendHonoursTheDeadline(ChannelHarness harness)
    {
        const string rule = nameof(SendHonoursTheDeadline);
        var channel = harness.CreateChannel(harness.Configuration);
        harness.SetProvider(ProviderBehaviour.Hanging);
        var deadline = TimeSpan.FromMilliseconds(300);
        using var timeout = new CancellationTokenSource(deadline);
        await ExpectPromptEnd(rule, harness, channel, harness.GoodMessage(NewKey()), timeout.Token, $"a deadline of {deadline.TotalMilliseconds} ms", deadline).ConfigureAwait(false);
    }

    public static async Task ProviderFailureIsAnOutcomeNotAnException(ChannelHarness harness)
    {
        const string rule = nameof(ProviderFailureIsAnOutcomeNotAnException);
        harness.SetProvider(ProviderBehaviour.Failing);
        SendOutcome? outcome;
        try
        {
            outcome = await SendWithin(rule, harness, harness.CreateChannel(harness.Configuration), harness.GoodMessage(NewKey()), CancellationToken.None, TimeSpan.FromSeconds(30));
        }
        catch (Exception ex) when (ex is not ChannelContractException)
        {
            Fail(rule, $"a failing provider made SendAsync throw {ex.GetType().Name}: {ex.Message}; expected failures are outcomes (Failed or Rejected with a reason)");
            return;
        }

        if (outcome is null || outcome.Status == SendStatus.Accepted || string.IsNullOrWhiteSpace(outcome.Reason))
        {
            Fail(rule, $"a failing provider should give Failed or Rejected with a reason, but the outcome was {Describe(outcome)}");
        }
    }

    /// <summary>Secrets stay secret on every path that produces text: a refused check, a failed send, a cancelled send.</summary>
    public static async Task NoSecretInAnyMessage(ChannelHarness harness)
    {
        const string rule = nameof(NoSecretInAnyMessage);
        var channel = harness.CreateChannel(harness.Configuration);
        NoSecretIn(rule, harness, channel.Check(harness.EmptyMessage(NewKey())).Problems ?? []);
        foreach (var behaviour in new[] { ProviderBehaviour.Failing, ProviderBehaviour.Working })
        {
            harness.SetProvider(behaviour);
            try
            {
                var outcome = await channel.SendAsync(harness.GoodMessage(NewKey()), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
                NoSecretIn(rule, harness, [outcome?.Reason, outcome?.ProviderMessageId]);
            }
            catch (Exception ex) when (ex is not ChannelContractException)
            {
                NoSecretIn(rule, harness, [ex.ToString()]);
            }
        }
    }

    /// <summary>
    /// The send must end within <see cref="ChannelHarness.Promptly"/> of the moment the token is
    /// cancelled. The clock starts at that moment, taken by a callback on the token itself: a test
    /// timer that fires late on a loaded machine must not count against the channel.
    /// </summary>
    private static async Task ExpectPromptEnd(
        string rule, ChannelHarness harness, IChannel channel, ChannelMessage message, CancellationToken token, string what, TimeSpan? expectedWait = null)
    {
        var cancelledAt = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = token.Register(() => cancelledAt.TrySetResult(Stopwatch.GetTimestamp()));
        try
        {
            var send = channel.SendAsync(message, token);

            // How long to wait for the cancellation itself is the test's business, not the channel's: be generous.
            var cancelled = await cancelledAt.Task.WaitAsync((expectedWait ?? TimeSpan.Zero) + TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            var outcome = await send.WaitAsync(harness.Promptly).ConfigureAwait(false);
            if (outcome is { Status: SendStatus.Accepted })
            {
                Fail(rule, $"with {what} and a hanging provider, the send was reported Accepted; report Failed or throw OperationCanceledException");
            }

            NoSecretIn(rule, harness, [outcome?.Reason]);
            FailIfSlow(cancelled);
        }
        catch (TimeoutException)
        {
            Fail(rule, $"with {what}, SendAsync had not returned {harness.Promptly.TotalSeconds:0.#} s after the token was cancelled; pass the token to every awaited call");
        }
        catch (OperationCanceledException)
        {
            // Throwing on cancellation is allowed.
            FailIfSlow(await cancelledAt.Task.ConfigureAwait(false));
        }

        void FailIfSlow(long cancelled)
        {
            var afterCancel = Stopwatch.GetElapsedTime(cancelled);
            if (afterCancel > harness.Promptly)
            {
                Fail(rule, $"with {what}, SendAsync ended {afterCancel.TotalSeconds:0.#} s after the token was cancelled; it must end within {harness.Promptly.TotalSeconds:0.#} s");
            }
        }
    }

    private static async Task<SendOutcome?> SendWithin(string rule, ChannelHarness harness, IChannel channel, ChannelMessage message, CancellationToken token, TimeSpan limit)
    {
        try
        {
            var outcome = await channel.SendAsync(message, token).WaitAsync(limit).ConfigureAwait(false);
            NoSecretIn(rule, harness, [outcome?.Reason, outcome?.ProviderMessageId]);
            return outcome;
        }
        catch (TimeoutException)
        {
            Fail(rule, $"SendAsync did not return within {limit.TotalSeconds:0} s");
            return null;
        }
    }

    private static void RequireWellFormed(string rule, MessageCheck? check)
    {
        if (check is null || check.Problems is null)
        {
            Fail(rule, "Check returned null or a null problem list; return MessageCheck.Ok or MessageCheck.Fail(\"reason\")");
        }
    }

    private static void NoSecretIn(string rule, ChannelHarness harness, IEnumerable<string?> texts)
    {
        foreach (var text in texts.OfType<string>())
        {
            foreach (var (setting, secret) in harness.Secrets)
            {
                if (secret.Length > 0 && text.Contains(secret, StringComparison.Ordinal))
                {
                    Fail(rule, $"the value of secret '{setting}' appears in a message: \"{text.Replace(secret, "***", StringComparison.Ordinal)}\"");
                }
            }
        }
    }

    private static string Describe(SendOutcome? outcome)
        => outcome is null ? "null" : $"{outcome.Status} (provider id: {outcome.ProviderMessageId ?? "none"}, reason: {outcome.Reason ?? "none"})";

    private static string NewKey() => $"contract-{Guid.NewGuid():N}";

    private static Task Sync(Action<ChannelHarness> check, ChannelHarness harness)
    {
        check(harness);
        return Task.CompletedTask;
    }

    private static void Fail(string rule, string message) => throw new ChannelContractException(rule, message);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex Identifier();
}
