using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CampaignEngine.Facts;
using CampaignEngine.Stats;
using Spectre.Console;

namespace CampaignEngine.Cli.Commands;

/// <summary>The options shared by the commands that read a shop's data directory (stats, facts).</summary>
internal sealed class ShopDataOptions
{
    public Option<string> Data { get; } = new("--data") { Description = "directory with orders.csv, customers.csv and optionally mapping.yaml", Required = true };

    public Option<string?> AsOf { get; } = new("--as-of") { Description = "evaluation date yyyy-MM-dd (default: the day after the last order event)" };

    public Option<bool> Json { get; } = new("--json") { Description = "print JSON (English keys) instead of a table" };

    public Option<string?> Rejects { get; } = new("--rejects") { Description = "where to write the rejects CSV (default DIR/rejects/rejects.csv)" };

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep 外套 readable, not \u5916\u5957
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(AsOf);
        command.Options.Add(Json);
        command.Options.Add(Rejects);
    }

    /// <summary>Loads the data and computes facts as of the date; on failure writes the message and returns the exit code.</summary>
    public (FactTable? Table, int ExitCode) LoadFacts(ParseResult parse, CliConsole console)
    {
        var asOfText = parse.GetValue(AsOf);
        DateOnly? asOf = null;
        if (asOfText is not null)
        {
            if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                console.Error.WriteLine($"--as-of '{asOfText}' is not a date; write it as yyyy-MM-dd, e.g. 2024-11-11");
                return (null, ExitCodes.Usage);
            }

            asOf = parsed;
        }

        var (result, error) = ShopData.Load(parse.GetValue(Data)!, parse.GetValue(Rejects));
        if (error is not null)
        {
            console.Error.WriteLine(error);
            return (null, ExitCodes.InputErrors);
        }

        foreach (var warning in result!.Warnings)
        {
            console.Error.WriteLine($"warning: {warning}");
        }

        console.Error.WriteLine(ShopData.Summary(result.Summary));
        var history = result.History!;
        return (FactTable.AsOf(history, asOf ?? ShopData.DefaultAsOf(history)), ExitCodes.Ok);
    }

    /// <summary>A Spectre console writing to the command's output: colours only on a real terminal.</summary>
    public static IAnsiConsole Terminal(CliConsole console)
    {
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = console.IsInteractive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = console.IsInteractive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(console.Out),
        });
        if (!console.IsInteractive)
        {
            terminal.Profile.Width = 160;
        }

        return terminal;
    }
}
