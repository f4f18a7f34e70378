using System.CommandLine;
using System.Globalization;
using CampaignEngine.Calendar;
using CampaignEngine.Campaigns;
using CampaignEngine.Evaluation;
using CampaignEngine.Facts;
using CampaignEngine.Orders;
using CampaignEngine.Outbox;
using CampaignEngine.State;
using CampaignEngine.Stats;

namespace CampaignEngine.Cli.Commands;

/// <summary>
/// <c>campaign run [DIR] --data DATA [--at T]</c>: evaluate every campaign due at T, write every decided send
/// to the outbox (a key already there is not written again), log the suppressions, then dispatch what is due.
/// Running it again for the same T — after a crash, or by mistake — sends nothing twice.
/// Exit 0; 1 for bad campaigns, data, config or state file; 2 for usage; 3 when dead messages wait in the outbox.
/// </summary>
internal sealed class RunCommand : ICliCommand
{
    public Command Create(CliConsole console)
    {
        var directory = new Argument<string?>("DIR") { Description = "The campaigns folder (default: campaigns).", Arity = ArgumentArity.ZeroOrOne };
        var data = new Option<string>("--data") { Description = "The shop's data directory (orders.csv, customers.csv).", Required = true };
        var at = new Option<string?>("--at") { Description = "The moment to evaluate, like 2026-11-23T10:00+08:00 or 2026-11-23T10:00 (shop time); default: now." };
        var state = OutboxCommand.StateOption();
        var plugins = new Option<string?>("--plugins") { Description = "The plugins directory." };
        var config = new Option<string?>("--config") { Description = "engine.yaml with the channels (default: DIR/engine.yaml)." };
        var noDispatch = new Option<bool>("--no-dispatch") { Description = "Only write the outbox; a `campaign serve` or `campaign outbox --dispatch` sends it." };
        var command = new Command("run", "Evaluate the campaigns due now (or at --at), write the sends to the durable outbox, and dispatch them.");
        command.Arguments.Add(directory);
        foreach (var option in new Option[] { data, at, state, plugins, config, noDispatch })
        {
            command.Options.Add(option);
        }

        command.SetAction((result, token) => RunAsync(console, result.GetValue(directory) ?? "campaigns", result.GetValue(data)!, result.GetValue(at),
            result.GetValue(state), result.GetValue(plugins), result.GetValue(config), result.GetValue(noDispatch), token));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string directory, string data, string? atText, string? statePath,
        string? pluginsOption, string? configOption, bool noDispatch, CancellationToken token)
    {
        var (set, history) = LoadShop(console, directory, data);
        if (set is null || history is null)
        {
            return ExitCodes.InputErrors;
        }

        if (!TryParseMoment(atText, set.Config.TimeZone, out var moment))
        {
            console.Error.WriteLine($"error: --at '{atText}' is not a moment; write it like 2026-11-23T10:00 (shop time) or 2026-11-23T10:00+08:00");
            return ExitCodes.Usage;
        }

        try
        {
            using var store = SqliteStateStore.Open(StateFile.Resolve(statePath));
            var runId = $"run-{moment:yyyyMMddTHHmmss}-{Environment.ProcessId}";
            var written = Evaluate(store, set, history, moment, runId, TimeProvider.System);
            console.Out.WriteLine($"{moment:yyyy-MM-dd HH:mm zzz}: {written.Sends} send(s) decided, {written.Written} new in the outbox ({written.Sends - written.Written} already there), {written.Suppressed} suppressed");
            if (noDispatch)
            {
                return OutboxCommand.Show(console, store, 20);
            }

            var configPath = configOption ?? Path.Combine(directory, "engine.yaml");
            await OutboxCommand.DispatchAsync(console, store, pluginsOption, File.Exists(configPath) ? configPath : null, set.Config.TimeZone, token).ConfigureAwait(false);
            return OutboxCommand.Show(console, store, 20);
        }
        catch (StateStoreException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.InputErrors;
        }
    }

    /// <summary>Loads the campaigns (printing their diagnostics when they have errors) and the shop's order history.</summary>
    internal static (CampaignSet<FactTable>? Campaigns, OrderHistory? History) LoadShop(CliConsole console, string directory, string data)
    {
        if (!Directory.Exists(directory))
        {
            console.Error.WriteLine($"error: campaigns folder '{directory}' not found; pass the folder as DIR");
            return (null, null);
        }

        var set = CampaignLoader.Load(directory, BuiltInFacts.Schema(FestivalCalendar.Default));
        if (set.HasErrors)
        {
            ValidationText.Write(console.Error, set.Diagnostics, set.Files.Count, chinese: false);
            console.Error.WriteLine("nothing was started: fix the campaign files (`campaign validate`) and run again");
            return (null, null);
        }

        var (loaded, error) = ShopData.Load(data, null);
        if (error is not null || loaded?.History is null)
        {
            console.Error.WriteLine(error ?? $"error: no order history in {data}");
            return (null, null);
        }

        return (set, loaded.History);
    }

    /// <summary>Evaluates the campaigns due at <paramref name="moment"/> and writes the outcome to the state store.</summary>
    internal static OutboxWriter Evaluate(IStateStore store, CampaignSet<FactTable> set, OrderHistory history, DateTimeOffset moment, string runId, TimeProvider time)
    {
        var quiet = set.Campaigns.ToDictionary(c => c.Id, c => c.Limits.QuietHours, StringComparer.Ordinal);
        var writer = new OutboxWriter(store, runId, campaign => quiet.GetValueOrDefault(campaign), time);
        writer.Note("run_started", $"evaluating {set.Campaigns.Count} campaign(s) at {moment:O}");
        var evaluator = new CampaignEvaluator(set.Campaigns, set.Config, history, new RunContactHistory(store.Contacts))
        {
            BudgetSpentEarlier = store.BudgetSpent,
        };
        evaluator.Evaluate(moment, writer.Add, writer.Change);
        writer.Note("run_finished", $"{writer.Sends} send(s), {writer.Suppressed} suppressed");
        writer.Flush();
        return writer;
    }

    internal static bool TryParseMoment(string? text, TimeZoneInfo zone, out DateTimeOffset moment)
    {
        if (text is null)
        {
            moment = DateTimeOffset.UtcNow;
            return true;
        }

        string[] withOffset = ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'"];
        if (DateTimeOffset.TryParseExact(text, withOffset, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out moment))
        {
            return true;
        }

        string[] local = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];
        if (DateTime.TryParseExact(text, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
        {
            moment = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
            return true;
        }

        return false;
    }
}
