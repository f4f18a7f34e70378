using System.CommandLine;
using System.Runtime.InteropServices;
using CampaignEngine.Calendar;
using CampaignEngine.Campaigns;
using CampaignEngine.Dispatch;
using CampaignEngine.Facts;
using CampaignEngine.Outbox;
using CampaignEngine.State;

namespace CampaignEngine.Cli.Commands;

/// <summary>
/// <c>campaign serve [DIR] --data DATA</c>: the scheduler. Every <c>--tick</c> it evaluates the campaigns
/// (schedules and event triggers, on the shop's clock) and dispatches what is due; every <c>--health-every</c>
/// it prints a health line. A change to the campaign files is reloaded; a file that fails validation is refused
/// with its diagnostics and the old campaigns keep running. SIGTERM or Ctrl-C: no new claims, the sends in
/// progress finish and are recorded, then exit 0. Exit 1 when the first load, the data or the state file fails.
/// </summary>
internal sealed class ServeCommand : ICliCommand
{
    public Command Create(CliConsole console)
    {
        var directory = new Argument<string?>("DIR") { Description = "The campaigns folder (default: campaigns).", Arity = ArgumentArity.ZeroOrOne };
        var data = new Option<string>("--data") { Description = "The shop's data directory (orders.csv, customers.csv).", Required = true };
        var state = OutboxCommand.StateOption();
        var plugins = new Option<string?>("--plugins") { Description = "The plugins directory." };
        var config = new Option<string?>("--config") { Description = "engine.yaml with the channels (default: DIR/engine.yaml)." };
        var tick = new Option<int>("--tick") { Description = "Seconds between evaluations (schedules are caught to the tick).", DefaultValueFactory = _ => 30 };
        var health = new Option<int>("--health-every") { Description = "Seconds between health lines.", DefaultValueFactory = _ => 60 };
        var command = new Command("serve", "Run the campaigns on their schedules and triggers and dispatch continuously, until SIGTERM or Ctrl-C.");
        command.Arguments.Add(directory);
        foreach (var option in new Option[] { data, state, plugins, config, tick, health })
        {
            command.Options.Add(option);
        }

        command.SetAction((result, token) => ServeAsync(console, result.GetValue(directory) ?? "campaigns", result.GetValue(data)!, result.GetValue(state),
            result.GetValue(plugins), result.GetValue(config), Math.Max(1, result.GetValue(tick)), Math.Max(1, result.GetValue(health)), token));
        return command;
    }

    private static async Task<int> ServeAsync(CliConsole console, string directory, string data, string? statePath, string? pluginsOption,
        string? configOption, int tickSeconds, int healthSeconds, CancellationToken token)
    {
        var output = console.Out;
        var schema = BuiltInFacts.Schema(FestivalCalendar.Default);
        var (set, history) = RunCommand.LoadShop(console, directory, data);
        if (set is null || history is null)
        {
            return ExitCodes.InputErrors;
        }

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(token);
        void Stop(PosixSignalContext context)
        {
            // Handled here: the process must not die before the sends in progress are recorded.
            context.Cancel = true;
            output.WriteLine($"{context.Signal}: stopping after the sends in progress");
            stopping.Cancel();
        }

        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        try
        {
            using var store = SqliteStateStore.Open(StateFile.Resolve(statePath));
            var configPath = configOption ?? Path.Combine(directory, "engine.yaml");
            using var setup = DispatcherSetup.Load(pluginsOption, File.Exists(configPath) ? configPath : null, set.Config.TimeZone);
            foreach (var problem in setup.Problems)
            {
                console.Error.WriteLine($"warning: {problem}");
            }

            using var dispatcher = new Dispatcher(store, setup.Channels, setup.Options, TimeProvider.System);
            var recovered = dispatcher.Recover();
            output.WriteLine($"serving {set.Campaigns.Count} campaign(s) from {Path.GetFullPath(directory)}; state {StateFile.Resolve(statePath)}; {recovered} message(s) recovered from in flight");
            var scheduler = new LiveScheduler(store, history, dispatcher, output);
            scheduler.Use(set);
            var watched = FilesStamp(directory);
            var time = TimeProvider.System;
            var nextEvaluation = time.GetUtcNow();
            var nextHealth = time.GetUtcNow();
            while (!stopping.IsCancellationRequested)
            {
                var now = time.GetUtcNow();
                if (FilesStamp(directory) is var stamp && stamp != watched)
                {
                    watched = stamp;
                    Reload(console, directory, schema, scheduler);
                }

                var evaluate = now >= nextEvaluation;
                if (evaluate)
                {
                    nextEvaluation = now + TimeSpan.FromSeconds(tickSeconds);
                }

                await scheduler.TickAsync(now, evaluate, time, stopping.Token).ConfigureAwait(false);
                if (now >= nextHealth)
                {
                    output.WriteLine($"{now:yyyy-MM-dd HH:mm:ss}Z {scheduler.Health()}");
                    nextHealth = now + TimeSpan.FromSeconds(healthSeconds);
                }

                var wake = new[] { nextEvaluation, nextHealth, store.NextDue() ?? nextEvaluation, time.GetUtcNow() + TimeSpan.FromSeconds(2) }.Min();
                var delay = wake - time.GetUtcNow();
                if (delay > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(delay, time, stopping.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }

            output.WriteLine($"stopped. {scheduler.Health()}");
            return ExitCodes.Ok;
        }
        catch (StateStoreException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.InputErrors;
        }
    }

    /// <summary>Reloads the campaigns; a set with errors is refused and the running one stays.</summary>
    internal static bool Reload(CliConsole console, string directory, Dsl.Binding.FactSchema<FactTable> schema, LiveScheduler scheduler)
    {
        var set = CampaignLoader.Load(directory, schema);
        if (set.HasErrors)
        {
            ValidationText.Write(console.Error, set.Diagnostics, set.Files.Count, chinese: false);
            console.Error.WriteLine("reload refused: the campaigns above have errors; the previous version keeps running");
            return false;
        }

        scheduler.Use(set);
        console.Out.WriteLine($"reloaded {set.Campaigns.Count} campaign(s) from {directory}");
        return true;
    }

    /// <summary>A cheap fingerprint of the campaign folder: every file's name, size and time of last write.</summary>
    private static string FilesStamp(string directory) => string.Join("|",
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
                || f.EndsWith(".rules", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".liquid", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => new FileInfo(f) is var info ? $"{f}:{info.Length}:{info.LastWriteTimeUtc.Ticks}" : f));
}
