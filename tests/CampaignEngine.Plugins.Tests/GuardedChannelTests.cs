using System.Diagnostics;
using CampaignEngine.Dispatch;
using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Plugins.Tests;

/// <summary>A plugin that throws, hangs or answers garbage fails that one message with a clear reason; nothing reaches the caller as an exception.</summary>
public sealed class GuardedChannelTests
{
    private static readonly ChannelMessage Message = new("campaign/rule/c-1/2026-11-23", "c-1", "13800000000", "【小店】老客户专享，回T退订");

    [Fact]
    public async Task A_well_behaved_plugin_sends_through_the_guard()
    {
        var outcome = await MisbehavingPlugin.Channel("ok").SendAsync(Message, CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted("id-" + Message.IdempotencyKey), outcome);
    }

    [Fact]
    public async Task A_plugin_that_throws_fails_the_message_with_the_exception_message()
    {
        var outcome = await MisbehavingPlugin.Channel("throw").SendAsync(Message, CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Equal("plugin threw InvalidOperationException: provider exploded, token ", outcome.Reason);
    }

    [Fact]
    public async Task A_plugin_that_ignores_cancellation_and_hangs_is_abandoned_at_the_deadline()
    {
        var channel = MisbehavingPlugin.Channel("hang_ignoring_cancellation", timeout: "300ms");
        var clock = Stopwatch.StartNew();

        var outcome = await channel.SendAsync(Message, CancellationToken.None);

        Assert.Equal(SendOutcome.Failed("timed out after 0.3s"), outcome);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_plugin_that_blocks_its_thread_does_not_block_the_caller()
    {
        var channel = MisbehavingPlugin.Channel("block", timeout: "300ms");
        var clock = Stopwatch.StartNew();

        var outcome = await channel.SendAsync(Message, CancellationToken.None);

        Assert.Equal("timed out after 0.3s", outcome.Reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_plugin_that_honours_the_deadline_token_also_reports_a_timeout()
    {
        var outcome = await MisbehavingPlugin.Channel("hang_honouring_cancellation", timeout: "200ms").SendAsync(Message, CancellationToken.None);

        Assert.Equal(SendOutcome.Failed("timed out after 0.2s"), outcome);
    }

    [Fact]
    public async Task The_callers_own_cancellation_is_passed_on_not_reported_as_a_plugin_failure()
    {
        var channel = MisbehavingPlugin.Channel("hang_honouring_cancellation", timeout: "30s");
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => channel.SendAsync(Message, stop.Token));
    }

    [Theory]
    [InlineData("null_outcome", "plugin returned garbage: no outcome (null)")]
    [InlineData("accepted_without_id", "plugin returned garbage: accepted without a provider message id")]
    [InlineData("unknown_status", "plugin returned garbage: an unknown status (42)")]
    [InlineData("negative_retry", "plugin returned garbage: a negative retry-after (-00:00:03)")]
    public async Task A_garbage_outcome_fails_the_message_saying_what_was_wrong(string mode, string reason)
    {
        var outcome = await MisbehavingPlugin.Channel(mode).SendAsync(Message, CancellationToken.None);

        Assert.Equal(SendOutcome.Failed(reason), outcome);
    }

    [Fact]
    public async Task A_rejection_without_a_reason_gets_one_so_the_report_never_shows_a_blank()
    {
        var outcome = await MisbehavingPlugin.Channel("rejected_silently").SendAsync(Message, CancellationToken.None);

        Assert.Equal(SendOutcome.Rejected("the plugin gave no reason"), outcome);
    }

    [Theory]
    [InlineData("check_throw", "check threw InvalidOperationException: checker crashed, token ")]
    [InlineData("check_null", "plugin returned garbage: no check result (null)")]
    [InlineData("check_null_problems", "plugin returned garbage: a check without a problem list (null)")]
    [InlineData("check_hang", "check timed out after 0.3s")]
    public void A_check_that_misbehaves_refuses_the_message_with_the_reason(string mode, string problem)
    {
        var check = MisbehavingPlugin.Channel(mode).Check(Message);

        Assert.Equal([problem], check.Problems);
    }

    [Theory]
    [InlineData("cost_negative", "plugin returned garbage: a negative cost of -5 fen")]
    [InlineData("cost_null", "plugin returned garbage: no cost estimate (null)")]
    [InlineData("cost_throw", "cost estimate threw DivideByZeroException: Attempted to divide by zero.")]
    public void A_cost_estimate_that_misbehaves_gives_a_quote_with_a_problem(string mode, string problem)
    {
        var quote = MisbehavingPlugin.Channel(mode).EstimateCost(Message);

        Assert.Equal(new CostQuote(null, problem), quote);
    }

    [Fact]
    public void A_sane_cost_estimate_passes_through()
        => Assert.Equal(new CostQuote(new CostEstimate(4), null), MisbehavingPlugin.Channel("ok").EstimateCost(Message));

    [Fact]
    public void A_plugin_reaching_an_unknown_contact_kind_is_a_configuration_problem()
    {
        var host = MisbehavingPlugin.Host(new Dictionary<string, object?> { ["mode"] = "reaches_garbage" });

        var configured = Assert.Single(host.Configured);
        Assert.Null(configured.Channel);
        Assert.Equal("plugin returned garbage: Reaches = 99, which is no ContactKind", Assert.Single(configured.Problems));
    }

    [Fact]
    public async Task Secret_values_are_masked_in_every_message_the_plugin_produces()
    {
        var environment = new Dictionary<string, string> { ["CE_TEST_TOKEN"] = "tok-5b8e1d77" };
        var secretSettings = new Dictionary<string, object?> { ["token_env"] = "CE_TEST_TOKEN" };

        var sent = await MisbehavingPlugin.Channel("throw", environment: environment, more: secretSettings).SendAsync(Message, CancellationToken.None);
        var checkThrew = MisbehavingPlugin.Channel("check_throw", environment: environment, more: secretSettings).Check(Message);
        var checkLeaked = MisbehavingPlugin.Channel("check_leaks", environment: environment, more: secretSettings).Check(Message);

        Assert.Equal("plugin threw InvalidOperationException: provider exploded, token ***", sent.Reason);
        Assert.Equal("check threw InvalidOperationException: checker crashed, token ***", Assert.Single(checkThrew.Problems));
        Assert.Equal("text refused by provider account ***", Assert.Single(checkLeaked.Problems));
    }
}
