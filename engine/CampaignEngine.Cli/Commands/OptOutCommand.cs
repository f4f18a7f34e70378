using System.CommandLine;
using CampaignEngine.State;

namespace CampaignEngine.Cli.Commands;

/// <summary>
/// <c>campaign optout import FILE</c>: opt-outs from a CSV (a header with <c>customer_id</c> or <c>phone</c>,
/// and optionally <c>channel</c> — a channel name or <c>all</c>, the default). <c>campaign optout reply PHONE TEXT</c>:
/// the hook for inbound SMS replies; T, TD, 退订 … opt the number out of SMS. Both take effect at the next
/// dispatch too: a message already in the outbox for an opted-out customer is cancelled, not sent.
/// </summary>
internal sealed class OptOutCommand : ICliCommand
{
    public Command Create(CliConsole console)
    {
        var command = new Command("optout", "Record opt-outs: import a CSV, or feed an inbound SMS reply.");
        var state = OutboxCommand.StateOption();
        var file = new Argument<string>("FILE") { Description = "CSV with a header: customer_id or phone, and optionally channel (sms, email, … or all)." };
        var import = new Command("import", "Import opt-outs from a CSV file.");
        import.Arguments.Add(file);
        import.Options.Add(state);
        import.SetAction(result => Import(console, result.GetValue(file)!, result.GetValue(state)));
        command.Subcommands.Add(import);

        var phone = new Argument<string>("PHONE") { Description = "The number the reply came from." };
        var text = new Argument<string>("TEXT") { Description = "The reply's text." };
        var reply = new Command("reply", "An inbound SMS reply: T, TD, N, R, 退订, STOP opt the number out of SMS; other texts are ignored (exit 0, nothing recorded).");
        reply.Arguments.Add(phone);
        reply.Arguments.Add(text);
        reply.Options.Add(state);
        reply.SetAction(result => Reply(console, result.GetValue(phone)!, result.GetValue(text)!, result.GetValue(state)));
        command.Subcommands.Add(reply);
        return command;
    }

    private static int Reply(CliConsole console, string phone, string text, string? statePath)
    {
        if (SmsReplyOptOut.From(phone, text, DateTimeOffset.UtcNow) is not { } optOut)
        {
            console.Out.WriteLine($"not an opt-out keyword: '{text}'");
            return ExitCodes.Ok;
        }

        return WithStore(console, statePath, store =>
        {
            store.AddOptOuts([optOut]);
            console.Out.WriteLine($"{optOut.CustomerId} opted out of sms");
            return ExitCodes.Ok;
        });
    }

    private static int Import(CliConsole console, string file, string? statePath)
    {
        if (!File.Exists(file))
        {
            console.Error.WriteLine($"error: {file}: file not found");
            return ExitCodes.InputErrors;
        }

        var (optOuts, errors) = Read(file, DateTimeOffset.UtcNow);
        foreach (var error in errors)
        {
            console.Error.WriteLine(error);
        }

        if (errors.Count > 0)
        {
            console.Error.WriteLine($"{errors.Count} error(s); nothing was imported — fix the file and run again");
            return ExitCodes.InputErrors;
        }

        return WithStore(console, statePath, store =>
        {
            var added = store.AddOptOuts(optOuts);
            console.Out.WriteLine($"imported {added} new opt-out(s) ({optOuts.Count - added} already known)");
            return ExitCodes.Ok;
        });
    }

    internal static (List<ChannelOptOut> OptOuts, List<string> Errors) Read(string file, DateTimeOffset at)
    {
        var optOuts = new List<ChannelOptOut>();
        var errors = new List<string>();
        var lines = File.ReadAllLines(file);
        if (lines.Length == 0)
        {
            errors.Add($"{file}:1:1: error: empty file; expected a header like `customer_id,channel`");
            return (optOuts, errors);
        }

        var header = Split(lines[0]).Select(h => h.ToLowerInvariant()).ToList();
        var idColumn = header.FindIndex(h => h is "customer_id" or "customer");
        var phoneColumn = header.IndexOf("phone");
        var channelColumn = header.IndexOf("channel");
        if (idColumn < 0 && phoneColumn < 0)
        {
            errors.Add($"{file}:1:1: error: the header needs a `customer_id` or `phone` column (found: {string.Join(", ", header)})");
            return (optOuts, errors);
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var cells = Split(lines[i]);
            string Cell(int column) => column >= 0 && column < cells.Count ? cells[column] : "";
            var who = Cell(idColumn) is { Length: > 0 } id ? id : SmsReplyOptOut.NormalizePhone(Cell(phoneColumn));
            if (who.Length == 0)
            {
                errors.Add($"{file}:{i + 1}:1: error: no customer id or phone on this line");
                continue;
            }

            var channel = Cell(channelColumn) is { Length: > 0 } c ? c.ToLowerInvariant() : ChannelOptOut.AllChannels;
            if (!channel.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
            {
                errors.Add($"{file}:{i + 1}:{lines[i].IndexOf(Cell(channelColumn), StringComparison.Ordinal) + 1}: error: '{channel}' is not a channel name; write sms, email, wangwang, … or all");
                continue;
            }

            optOuts.Add(new ChannelOptOut(who, channel, at, $"import {Path.GetFileName(file)}"));
        }

        return (optOuts, errors);
    }

    private static List<string> Split(string line) => line.Split(',').Select(cell => cell.Trim().Trim('"').Trim()).ToList();

    private static int WithStore(CliConsole console, string? statePath, Func<IStateStore, int> work)
    {
        try
        {
            using var store = SqliteStateStore.Open(StateFile.Resolve(statePath));
            return work(store);
        }
        catch (StateStoreException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.InputErrors;
        }
    }
}
