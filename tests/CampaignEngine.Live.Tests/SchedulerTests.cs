using System.Diagnostics;
using CampaignEngine.Calendar;
using CampaignEngine.Campaigns;
using CampaignEngine.Cli;
using CampaignEngine.Cli.Commands;
using CampaignEngine.Dispatch;
using CampaignEngine.Facts;
using CampaignEngine.Live.Tests.Support;
using CampaignEngine.Orders;
using CampaignEngine.Orders.Ingest;
using CampaignEngine.Outbox;
using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Live.Tests;

public sealed class SchedulerTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public async Task A_daily_campaign_goes_out_once_a_day_on_the_injected_clock_and_a_broken_reload_keeps_the_old_one()
    {
        using var provider = new IdempotentSmsProvider();
        using var shop = new LiveShop(provider.Url);
        using var state = new TempState();
        var schema = BuiltInFacts.Schema(FestivalCalendar.Default);
        var history = OrderHistory.Load(IngestRequest.FromDirectory(LiveShop.Data, Path.Combine(shop.Root, "rejects.csv"))).History!;
        var channel = new ScriptedChannel((_, call) => SendOutcome.Accepted($"biz-{call}"));
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 3, 9, 0, 0, Shanghai));
        using var dispatcher = new Dispatcher(state.Store, new Dictionary<string, IChannel> { ["sms"] = channel }, new DispatcherOptions(), clock);
        var log = new StringWriter();
        var scheduler = new LiveScheduler(state.Store, history, dispatcher, log);
        scheduler.Use(CampaignLoader.Load(shop.Campaigns, schema));

        async Task Tick(int day, int hour, int minute)
        {
            clock.Now = new DateTimeOffset(2026, 3, day, hour, minute, 0, Shanghai);
            await scheduler.TickAsync(clock.Now, evaluate: true, clock, CancellationToken.None);
        }

        await Tick(3, 9, 0);
        Assert.Equal(0, channel.Calls);
        await Tick(3, 10, 0);
        Assert.Equal(342, channel.Calls);
        await Tick(3, 10, 1);
        await Tick(3, 15, 0);
        Assert.Equal(342, channel.Calls);

        // A broken edit is refused with its diagnostics; the running campaign keeps its schedule.
        File.AppendAllText(Path.Combine(shop.Campaigns, "hello.yaml"), "  - rule: [broken\n");
        var output = new StringWriter();
        Assert.False(ServeCommand.Reload(new CliConsole(output, output), shop.Campaigns, schema, scheduler));
        Assert.Contains("hello.yaml:", output.ToString());
        Assert.Contains("reload refused", output.ToString());

        await Tick(4, 10, 0);
        Assert.Equal(684, channel.Calls);
        Assert.Equal(684, state.Store.Counts().Sent);
        Assert.Equal(channel.Keys.Count, channel.Keys.Distinct().Count());
        Assert.Contains("outbox: pending 0, in_flight 0, failed 0, dead 0, sent 684", scheduler.Health());
    }

    [Fact]
    public void Serve_stops_gracefully_on_SIGTERM_and_exits_0()
    {
        using var provider = new IdempotentSmsProvider();
        using var shop = new LiveShop(provider.Url);
        using var child = CampaignProcess.Start(shop.Root, LiveShop.Environment, "serve", shop.Campaigns, "--data", LiveShop.Data, "--state", shop.State,
            "--plugins", Repository.PluginsDirectory, "--tick", "1", "--health-every", "1");
        var wait = Stopwatch.StartNew();
        while (!child.Output.Contains("health:", StringComparison.Ordinal) && !child.HasExited && wait.Elapsed < TimeSpan.FromSeconds(60))
        {
            Thread.Sleep(50);
        }

        Assert.False(child.HasExited, child.Output);
        using (var kill = Process.Start("kill", ["-TERM", child.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(30)), child.Output);
        Assert.True(child.ExitCode == 0, child.Output);
        Assert.Contains("SIGTERM: stopping after the sends in progress", child.Output);
        Assert.Contains("stopped. health:", child.Output);
        Assert.Equal(0L, shop.Statuses().GetValueOrDefault("in_flight"));
    }
}
