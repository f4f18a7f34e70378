using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CampaignEngine.Calendar;
using CampaignEngine.Campaigns;
using CampaignEngine.Dsl.Diagnostics;
using CampaignEngine.Evaluation;
using CampaignEngine.Facts;
using CampaignEngine.Reports;
using CampaignEngine.Simulation;
using CampaignEngine.Stats;
using Spectre.Console;

namespace CampaignEngine.Cli.Commands;

/// <summary>
/// <c>campaign dry-run [DIR] --data DATA [--from D] [--to D] [--report OUT] [--window 7d] [--details all|sends|none]</c>:
/// replays the campaigns over the shop's history without sending anything and writes report.html, report.json,
/// sends.csv and suppressed.csv. Without --from/--to it replays the last 365 days of the data.
/// </summary>
internal sealed class DryRunCommand : ICliCommand
{
    public Command Create(CliConsole console)
    {
        var directory = new Argument<string>("DIR")
        {
            Description = "The campaigns folder (default: campaigns).",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "campaigns",
        };
        var data = new Option<string>("--data") { Description = "Directory with orders.csv, customers.csv and optionally mapping.yaml.", Required = true };
        var from = new Option<string?>("--from") { Description = "First day replayed, yyyy-MM-dd (default: 364 days before --to)." };
        var to = new Option<string?>("--to") { Description = "Last day replayed, yyyy-MM-dd (default: the last day with an order or logistics event)." };
        var report = new Option<string>("--report") { Description = "Folder for report.html, report.json, sends.csv, suppressed.csv.", DefaultValueFactory = _ => "out" };
        var window = new Option<string?>("--window") { Description = "Outcome window: a send converts when the customer pays an order within it (7d, 14d; default: engine.yaml outcome_window_days, else 7d)." };
        var step = new Option<int>("--event-step") { Description = "Hours between the sweeps that decide customer events within a day (1–24, default 1): an event is decided at the first sweep or scheduled moment after it.", DefaultValueFactory = _ => 1 };
        var details = new Option<string>("--details")
        {
            Description = "Which per-message files to write: all (sends.csv and suppressed.csv, the default), sends (sends.csv only) or none. "
                + "A year over a million customers decides tens of millions of messages: gigabytes of CSV that no spreadsheet opens; the report's figures are the same either way.",
            DefaultValueFactory = _ => "all",
        };
        details.AcceptOnlyFromAmong("all", "sends", "none");
        var timingsOption = new Option<bool>("--timings") { Description = "Print where the time went (loading, facts, rules, decisions, report) and the memory used." };
        var command = new Command("dry-run", "Replay the campaigns over past orders without sending anything; report who would have been contacted, at what cost, and the outcome against the holdout.")
        {
            directory, data, from, to, report, window, step, details, timingsOption,
        };
        command.SetAction(parse => Run(
            console,
            parse.GetValue(directory) ?? "campaigns",
            parse.GetValue(data)!,
            parse.GetValue(from),
            parse.GetValue(to),
            parse.GetValue(report) ?? "out",
            parse.GetValue(window),
            parse.GetValue(step),
            parse.GetValue(details) ?? "all",
            parse.GetValue(timingsOption)));
        return command;
    }

    internal static int Run(CliConsole console, string directory, string data, string? fromText, string? toText, string reportFolder, string? windowText, int eventStepHours = 1, string details = "all", bool showTimings = false)
    {
        if (eventStepHours is < 1 or > 24)
        {
            console.Error.WriteLine($"--event-step {eventStepHours} is out of range; give whole hours from 1 to 24");
            return ExitCodes.Usage;
        }

        if (!TryDate(console, "--from", fromText, out var from) || !TryDate(console, "--to", toText, out var to) || !TryWindow(console, windowText, out var window))
        {
            return ExitCodes.Usage;
        }

        var set = CampaignLoader.Load(directory, BuiltInFacts.Schema(FestivalCalendar.Default), new CampaignLoadOptions());
        if (set.HasErrors)
        {
            ValidationText.Write(console.Error, [.. set.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info)], set.Files.Count, chinese: false);
            console.Error.WriteLine("dry-run: fix the errors above first (campaign validate shows them too)");
            return ExitCodes.InputErrors;
        }

        var clock = Stopwatch.StartNew();
        // Rejected rows go next to the report, so a dry-run never writes into the data folder.
        var (loaded, error) = ShopData.Load(data, Path.Combine(reportFolder, "rejects.csv"));
        if (error is not null)
        {
            console.Error.WriteLine(error);
            return ExitCodes.InputErrors;
        }

        var loadTime = clock.Elapsed;
        console.Error.WriteLine(ShopData.Summary(loaded!.Summary));
        var history = loaded.History!;
        var period = DryRunPeriod.Default(history, from, to);
        if (period.To < period.From)
        {
            console.Error.WriteLine($"--from {period.From:yyyy-MM-dd} is after --to {period.To:yyyy-MM-dd}; give a start on or before the end");
            return ExitCodes.Usage;
        }

        var timings = showTimings ? new EvaluationTimings() : null;
        var simulation = new DryRunSimulation(set, history) { EventStep = TimeSpan.FromHours(eventStepHours), Timings = timings };
        var windowDays = window ?? (set.Config.OutcomeWindowDays > 0 ? set.Config.OutcomeWindowDays : 7);
        DryRunReport result;
        using (var csv = ReportCsv.In(reportFolder, sends: details != "none", suppressed: details == "all"))
        {
            result = WithProgress(console, period, progress => simulation.Run(period, windowDays, progress, csv)).Build();
        }

        var simulationTime = clock.Elapsed - loadTime;

        var html = ReportWriter.Write(reportFolder, result);
        var c = CultureInfo.InvariantCulture;
        console.Out.WriteLine(string.Create(c, $"Dry-run {period.From:yyyy-MM-dd} – {period.To:yyyy-MM-dd}: {result.Totals.Sends:N0} messages to {result.Totals.CustomersReached:N0} customers, cost ¥{result.Totals.CostFen / 100m:N2}, {result.Totals.Suppressed:N0} held back. Nothing was sent."));
        console.Out.WriteLine(OutcomeVerdict.English(result.Outcome.Verdict));
        console.Out.WriteLine($"Report: {Path.GetFullPath(html)}");
        if (timings is not null)
        {
            DryRunTimingsText.Write(console.Error, clock.Elapsed, loadTime, simulationTime, timings);
        }
        return ExitCodes.Ok;
    }

    /// <summary>A Spectre progress bar with ETA on a terminal; a plain line about every tenth of the period otherwise.</summary>
    private static ReportBuilder WithProgress(CliConsole console, DryRunPeriod period, Func<Action<DryRunProgress>, ReportBuilder> run)
    {
        if (console.IsInteractive)
        {
            return AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(context =>
                {
                    var task = context.AddTask("replaying days", maxValue: period.Days);
                    return run(p =>
                    {
                        task.Description = $"{p.Day:yyyy-MM-dd} · {p.Sends:N0} sends";
                        task.Value = p.DaysDone;
                    });
                });
        }

        var every = Math.Max(1, period.Days / 10);
        return run(p =>
        {
            if (p.DaysDone % every == 0 || p.DaysDone == p.DaysTotal)
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dry-run: {p.Day:yyyy-MM-dd} ({p.DaysDone}/{p.DaysTotal} days), {p.Sends} sends, {p.Suppressed} held back"));
            }
        });
    }

    private static bool TryDate(CliConsole console, string option, string? text, out DateOnly? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        console.Error.WriteLine($"{option} '{text}' is not a date; write it as yyyy-MM-dd, e.g. 2025-11-11");
        return false;
    }

    /// <summary>The outcome window: whole days, written <c>7</c>, <c>7d</c> or <c>2w</c>, 1–90.</summary>
    internal static bool TryWindow(CliConsole console, string? text, out int? days)
    {
        days = null;
        if (text is null)
        {
            return true;
        }

        var t = text.Trim();
        var unit = t.EndsWith('w') ? 7 : 1;
        var number = t.TrimEnd('d', 'w');
        if (int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n * unit is >= 1 and <= 90)
        {
            days = n * unit;
            return true;
        }

        console.Error.WriteLine($"--window '{text}' is not a window; write whole days between 1 and 90, e.g. 7d or 2w");
        return false;
    }
}
