using CampaignEngine.Campaigns.Limits;
using CampaignEngine.Dispatch;
using CampaignEngine.Dispatch.Delivery;
using CampaignEngine.Live.Tests.Support;
using CampaignEngine.Outbox;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.State;

namespace CampaignEngine.Live.Tests;

public sealed class DispatcherTests
{
    private static readonly DateTimeOffset T0 = TempState.T0;

    [Fact]
    public async Task Transient_failures_are_retried_on_a_stored_schedule_then_sent()
    {
        using var state = new TempState();
        state.Store.Enqueue(TempState.Entries(1), T0);
        var channel = new ScriptedChannel((_, call) => call <= 2 ? SendOutcome.Failed("503 busy") : SendOutcome.Accepted("biz"));
        var clock = new ManualClock(T0);
        using var dispatcher = Dispatcher(state.Store, channel, clock, new RetrySchedule(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5), 5, Jitter: 0));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        var failed = state.Store.List(OutboxStatus.Failed, 1).Single();
        Assert.Equal((1, "503 busy", T0.AddSeconds(10)), (failed.Attempts, failed.LastError, failed.NextAttemptAt));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(1, channel.Calls); // not due yet
        clock.Now = T0.AddSeconds(10);
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(T0.AddSeconds(30), state.Store.List(OutboxStatus.Failed, 1).Single().NextAttemptAt); // 10s, then 20s
        clock.Now = T0.AddSeconds(30);
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(1, state.Store.Counts().Sent);
        Assert.Equal(3, state.Store.List(OutboxStatus.Sent, 1).Single().Attempts);
        Assert.Equal(["hello/everyone/c1/2026-03-03", "hello/everyone/c1/2026-03-03", "hello/everyone/c1/2026-03-03"], channel.Keys);
    }

    [Fact]
    public async Task Rejections_and_exhausted_retries_are_dead_with_the_reason()
    {
        using var state = new TempState();
        state.Store.Enqueue(TempState.Entries(2), T0);
        var channel = new ScriptedChannel((m, _) => m.CustomerId == "c1" ? SendOutcome.Rejected("isv.MOBILE_NUMBER_ILLEGAL") : SendOutcome.Failed("timeout"));
        var clock = new ManualClock(T0);
        using var dispatcher = Dispatcher(state.Store, channel, clock, new RetrySchedule(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 2, Jitter: 0));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        clock.Now = T0.AddSeconds(5);
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        var dead = state.Store.List(OutboxStatus.Dead, 10).ToDictionary(m => m.Entry.CustomerId, m => m.LastError);
        Assert.Equal("rejected: isv.MOBILE_NUMBER_ILLEGAL", dead["c1"]);
        Assert.Equal("gave up after 2 attempts: timeout", dead["c2"]);
        Assert.Equal(0, state.Store.BudgetSpent("hello", new DateOnly(2026, 3, 3)));
    }

    [Fact]
    public async Task Quiet_hours_defer_at_dispatch_time_and_opt_outs_cancel()
    {
        using var state = new TempState();
        var quiet = new QuietHours(new TimeOnly(21, 0), new TimeOnly(9, 0), "21:00-09:00");
        state.Store.Enqueue([TempState.Entry(1, quiet: quiet), TempState.Entry(2, quiet: quiet)], T0);
        state.Store.AddOptOuts([new ChannelOptOut("c2", "sms", T0, "reply T")]);
        var channel = new ScriptedChannel((_, _) => SendOutcome.Accepted("biz"));
        // The provider was down until 22:30; the message is due, but the shop's night has begun.
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 3, 22, 30, 0, TimeSpan.FromHours(8)));
        using var dispatcher = Dispatcher(state.Store, channel, clock, RetrySchedule.Default);
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(0, channel.Calls);
        var deferred = state.Store.List(OutboxStatus.Pending, 1).Single();
        Assert.Equal((new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.FromHours(8)), 0), (deferred.NextAttemptAt, deferred.Attempts));
        Assert.Equal(1, state.Store.Counts().Cancelled);
        clock.Now = new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.FromHours(8));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(1, state.Store.Counts().Sent);
    }

    [Fact]
    public async Task A_channel_never_has_more_sends_at_once_than_its_concurrency()
    {
        using var state = new TempState();
        state.Store.Enqueue(TempState.Entries(40), T0);
        var channel = new ScriptedChannel((_, call) => SendOutcome.Accepted($"biz-{call}"), TimeSpan.FromMilliseconds(5));
        var options = new DispatcherOptions { Limits = new Dictionary<string, ChannelLimits> { ["sms"] = new(3) }, BatchSize = 16 };
        using var dispatcher = new Dispatcher(state.Store, new Dictionary<string, IChannel> { ["sms"] = channel }, options, new ManualClock(T0));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(40, state.Store.Counts().Sent);
        Assert.Equal(3, channel.MostAtOnce);
    }

    [Fact]
    public async Task A_channel_that_throws_or_is_not_configured_fails_and_retries()
    {
        using var state = new TempState();
        state.Store.Enqueue([TempState.Entry(1), TempState.Entry(2, channel: "fax")], T0);
        var channel = new ScriptedChannel((_, _) => throw new InvalidOperationException("boom"));
        using var dispatcher = Dispatcher(state.Store, channel, new ManualClock(T0), RetrySchedule.Default);
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        var failed = state.Store.List(OutboxStatus.Failed, 10).ToDictionary(m => m.Entry.Channel, m => m.LastError);
        Assert.Equal("the channel threw InvalidOperationException: boom", failed["sms"]);
        Assert.Equal("no channel 'fax' is configured in engine.yaml", failed["fax"]);
    }

    [Fact]
    public void The_retry_schedule_grows_is_capped_jittered_and_ends()
    {
        var schedule = new RetrySchedule(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10), 8);
        var random = new Random(1);
        var delays = Enumerable.Range(1, 7).Select(a => (schedule.Next(a, T0, null, random)!.Value - T0).TotalSeconds).ToList();
        Assert.InRange(delays[0], 24, 36);
        Assert.InRange(delays[1], 48, 72);
        Assert.InRange(delays[6], 480, 720);
        Assert.Null(schedule.Next(8, T0, null, random));
        Assert.Equal(T0.AddHours(1), schedule.Next(1, T0, TimeSpan.FromHours(1), random)); // the provider's Retry-After wins
    }

    private static Dispatcher Dispatcher(IStateStore store, IChannel channel, TimeProvider clock, RetrySchedule retries) =>
        new(store, new Dictionary<string, IChannel> { ["sms"] = channel }, new DispatcherOptions { Retries = new Dictionary<string, RetrySchedule> { ["sms"] = retries } }, clock);
}
