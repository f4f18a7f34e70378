using System.CommandLine;
using CampaignEngine.Dispatch;
using CampaignEngine.Outbox;
using CampaignEngine.State;

namespace CampaignEngine.Cli.Commands;

/// <summary>
/// <c>campaign outbox</c>: how many messages are pending, in flight, failed (awaiting a retry) and dead, the
/// dead ones with their reasons; <c>--retry-dead</c>, <c>--cancel ID</c>, <c>--cancel-dead</c> for the operator,
/// and <c>--dispatch</c> to send what is due now and exit (after a fix, or from cron between runs).
/// Exit 0; 3 when dead messages remain (so monitoring can alert); 1 when the state file or config is unusable.
/// </summary>
internal sealed class OutboxCommand : ICliCommand
{
    public Command Create(CliConsole console)
    {
        var state = StateOption();
        var retryDead = new Option<bool>("--retry-dead") { Description = "Make every dead message pending again (fresh attempts); it is sent at the next dispatch." };
        var cancel = new Option<long?>("--cancel") { Description = "Cancel one message by its ID (pending, failed or dead): it will not be sent." };
        var cancelDead = new Option<bool>("--cancel-dead") { Description = "Cancel every dead message." };
        var dispatch = new Option<bool>("--dispatch") { Description = "Send every message due now (re-sending, with the same key, any a crash left in flight), then exit." };
        var plugins = new Option<string?>("--plugins") { Description = "The plugins directory (for --dispatch)." };
        var config = new Option<string?>("--config") { Description = "engine.yaml with the channels (for --dispatch; default: engine.yaml in the current directory)." };
        var limit = new Option<int>("--limit") { Description = "How many dead messages to list.", DefaultValueFactory = _ => 20 };
        var command = new Command("outbox", "Show the outbox: pending / in-flight / failed / dead counts and the dead messages with reasons; retry or cancel them.");
        foreach (var option in new Option[] { state, retryDead, cancel, cancelDead, dispatch, plugins, config, limit })
        {
            command.Options.Add(option);
        }

        command.SetAction((result, token) => RunAsync(console, result.GetValue(state), result.GetValue(retryDead), result.GetValue(cancel), result.GetValue(cancelDead),
            result.GetValue(dispatch), result.GetValue(plugins), result.GetValue(config), result.GetValue(limit), token));
        return command;
    }

    internal static Option<string?> StateOption() => new("--state")
    {
        Description = $"The state file (default: ${StateFile.EnvironmentVariable}, else {StateFile.DefaultName} in the current directory).",
    };

    private static async Task<int> RunAsync(CliConsole console, string? statePath, bool retryDead, long? cancel, bool cancelDead, bool dispatch,
        string? pluginsOption, string? configOption, int limit, CancellationToken token)
    {
        var path = StateFile.Resolve(statePath);
        if (!File.Exists(path))
        {
            console.Error.WriteLine($"error: no state file at {path}; pass --state FILE (the file `campaign run` / `campaign serve` use)");
            return ExitCodes.InputErrors;
        }

        try
        {
            using var store = SqliteStateStore.Open(path);
            var now = DateTimeOffset.UtcNow;
            if (cancel is { } id)
            {
                if (!store.Cancel(id, "cancelled by the operator", now))
                {
                    console.Error.WriteLine($"error: no pending, failed or dead message with ID {id}");
                    return ExitCodes.InputErrors;
                }

                console.Out.WriteLine($"cancelled message {id}");
            }

            if (cancelDead)
            {
                console.Out.WriteLine($"cancelled {store.CancelDead("cancelled by the operator", now)} dead message(s)");
            }

            if (retryDead)
            {
                console.Out.WriteLine($"{store.RetryDead(now)} dead message(s) are pending again");
            }

            if (dispatch)
            {
                var configPath = configOption ?? (File.Exists("engine.yaml") ? "engine.yaml" : null);
                await DispatchAsync(console, store, pluginsOption, configPath, null, token).ConfigureAwait(false);
            }

            return Show(console, store, limit);
        }
        catch (StateStoreException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.InputErrors;
        }
    }

    /// <summary>Loads the channels, re-sends what a stopped engine left in flight, and sends everything due now.</summary>
    internal static async Task DispatchAsync(CliConsole console, IStateStore store, string? pluginsOption, string? configPath, TimeZoneInfo? zone, CancellationToken token)
    {
        using var setup = DispatcherSetup.Load(pluginsOption, configPath, zone);
        foreach (var problem in setup.Problems)
        {
            console.Error.WriteLine($"warning: {problem}");
        }

        using var dispatcher = new Dispatcher(store, setup.Channels, setup.Options, TimeProvider.System);
        var recovered = dispatcher.Recover();
        if (recovered > 0)
        {
            console.Out.WriteLine($"{recovered} message(s) left in flight by a stopped engine: re-sending with the same idempotency keys");
        }

        await dispatcher.DispatchDueAsync(token).ConfigureAwait(false);
        console.Out.WriteLine($"dispatched: {dispatcher.Counters}");
    }

    internal static int Show(CliConsole console, IStateStore store, int limit)
    {
        var counts = store.Counts();
        var output = console.Out;
        output.WriteLine($"pending {counts.Pending}, in_flight {counts.InFlight}, failed {counts.Failed}, dead {counts.Dead}, sent {counts.Sent}, cancelled {counts.Cancelled}");
        if (store.NextDue() is { } next)
        {
            output.WriteLine($"next due: {next:yyyy-MM-dd HH:mm:ss}Z");
        }

        if (counts.Dead == 0)
        {
            return ExitCodes.Ok;
        }

        output.WriteLine();
        output.WriteLine($"dead messages{(counts.Dead > limit ? $" (first {limit} of {counts.Dead})" : "")}:");
        foreach (var message in store.List(OutboxStatus.Dead, limit))
        {
            output.WriteLine($"  {message.Id}  {message.Entry.IdempotencyKey}  {message.Entry.Channel}  attempts {message.Attempts}  {message.UpdatedAt:yyyy-MM-dd HH:mm}Z");
            output.WriteLine($"      {message.LastError}");
        }

        output.WriteLine("retry them with `campaign outbox --retry-dead`, or cancel with `--cancel ID` / `--cancel-dead`");
        return ExitCodes.DeadLetters;
    }
}
