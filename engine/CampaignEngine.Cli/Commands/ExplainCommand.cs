using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CampaignEngine.Calendar;
using CampaignEngine.Campaigns;
using CampaignEngine.Evaluation;
using CampaignEngine.Facts;
using CampaignEngine.State;
using CampaignEngine.Stats;

namespace CampaignEngine.Cli.Commands;

/// <summary>
/// <c>campaign explain --data DIR --customer ID [--campaign C] [--at T] [CAMPAIGNS_DIR] [--json]</c>: for one
/// customer, every campaign at T — due or not, the audience, each rule's condition broken into its parts
/// with their values, the rule that fired, and the guard that stopped the send and why.
/// </summary>
internal sealed class ExplainCommand : ICliCommand
{
    public Command Create(CliConsole console)
    {
        var directory = new Argument<string>("DIR")
        {
            Description = "The campaigns folder (default: campaigns).",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "campaigns",
        };
        var data = new Option<string>("--data") { Description = "directory with orders.csv, customers.csv and optionally mapping.yaml", Required = true };
        var customer = new Option<string>("--customer") { Description = "the customer id (买家会员名)", Required = true };
        var campaign = new Option<string?>("--campaign") { Description = "only this campaign (its id)" };
        var at = new Option<string?>("--at") { Description = "the moment: 'yyyy-MM-dd HH:mm' shop time, or yyyy-MM-dd for the end of that day (default: the end of the day after the last order event)" };
        var json = new Option<bool>("--json") { Description = "print JSON instead of text" };
        var command = new Command("explain", "Why a customer does or does not get a campaign's message at a moment: rules part by part, and the guards.")
        {
            directory, data, customer, campaign, at, json,
        };
        command.SetAction(parse => Run(console, parse.GetValue(directory) ?? "campaigns", parse.GetValue(data)!, parse.GetValue(customer)!,
            parse.GetValue(campaign), parse.GetValue(at), parse.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, string directory, string dataDirectory, string customerId, string? campaignId, string? atText, bool json)
    {
        var set = CampaignLoader.Load(directory, BuiltInFacts.Schema(FestivalCalendar.Default));
        var errors = set.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count > 0)
        {
            foreach (var error in errors.Take(10))
            {
                console.Error.WriteLine(error.ToString());
            }

            console.Error.WriteLine($"{errors.Count} error(s) in {directory}; run 'campaign validate {directory}' for all of them with fixes");
            return ExitCodes.InputErrors;
        }

        if (campaignId is not null && set.Campaigns.All(c => c.Id != campaignId))
        {
            console.Error.WriteLine($"--campaign '{campaignId}' is not a campaign in {directory}; campaigns: {string.Join(", ", set.Campaigns.Select(c => c.Id))}");
            return ExitCodes.InputErrors;
        }

        var zone = set.Config.TimeZone;
        DateTimeOffset? requested = null;
        if (atText is not null && DateTime.TryParseExact(atText, ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            requested = new DateTimeOffset(local, zone.GetUtcOffset(local));
        }
        else if (atText is not null && DateOnly.TryParseExact(atText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            requested = EndOf(day, zone);
        }
        else if (atText is not null)
        {
            console.Error.WriteLine($"--at '{atText}' is not a moment; write 'yyyy-MM-dd HH:mm' (shop time) or yyyy-MM-dd, e.g. '2025-11-11 10:00'");
            return ExitCodes.Usage;
        }

        var (loaded, loadError) = ShopData.Load(dataDirectory, null);
        if (loadError is not null)
        {
            console.Error.WriteLine(loadError);
            return ExitCodes.InputErrors;
        }

        var history = loaded!.History!;
        if (history.FindCustomer(customerId) < 0)
        {
            console.Error.WriteLine($"customer '{customerId}' is not in the data ({history.CustomerCount} customers); ids are the 买家会员名 column");
            return ExitCodes.InputErrors;
        }

        var moment = requested ?? EndOf(ShopData.DefaultAsOf(history), zone);
        var evaluator = new CampaignEvaluator(set.Campaigns, set.Config, history, new InMemoryContactHistory());
        var explanations = CustomerExplainer.Explain(evaluator, customerId, moment, campaignId);
        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(new { customer = customerId, at = moment, campaigns = explanations }, ShopDataOptions.JsonOptions));
            return ExitCodes.Ok;
        }

        Write(console.Out, customerId, moment, zone, explanations);
        return ExitCodes.Ok;
    }

    private static DateTimeOffset EndOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(new TimeOnly(23, 59, 59));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static void Write(TextWriter output, string customerId, DateTimeOffset moment, TimeZoneInfo zone, IReadOnlyList<CampaignExplanation> explanations)
    {
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        output.WriteLine($"customer {customerId} at {local:yyyy-MM-dd HH:mm:ss} ({zone.Id})");
        foreach (var e in explanations)
        {
            output.WriteLine();
            output.WriteLine($"campaign {e.Campaign} ({e.Name}), priority {e.Priority}: {(e.Due ? "due" : "not due")} — {e.When}");
            if (e.Audience is { } audience)
            {
                output.WriteLine($"  audience: {Mark(audience)}");
                WriteParts(output, audience, "    ");
            }
            else
            {
                output.WriteLine("  audience: everyone");
            }

            foreach (var rule in e.Rules)
            {
                output.WriteLine($"  rule {rule.Rule} (priority {rule.Priority}): {Mark(rule.When)}{(rule.Fired ? "  ← fired" : "")}");
                WriteParts(output, rule.When, "    ");
            }

            output.WriteLine(e.FiredRule is null ? "  no rule fired" : e.Due ? $"  rule fired: {e.FiredRule}" : $"  rule that would fire if the campaign were due: {e.FiredRule}");
            foreach (var d in e.Decisions)
            {
                var sendAt = TimeZoneInfo.ConvertTime(d.SendAt, zone);
                output.WriteLine(d.Suppression is { } s
                    ? $"  suppressed ({d.Occurrence}) by {s.Guard}: {s.ReasonCode} — {s.Reason}"
                    : $"  send ({d.Occurrence}) on {d.Channel} to {d.Message?.Address} at {sendAt:yyyy-MM-dd HH:mm}, cost ¥{d.CostFen / 100m:0.00}");
                if (d.Message is { } message)
                {
                    output.WriteLine($"    message: {message.Text}");
                }
            }

            if (e.Due && e.FiredRule is not null && e.Decisions.Count == 0)
            {
                output.WriteLine("  no message: the rule that fired only changes tags or level");
            }
        }
    }

    private static string Mark(ExplainedCondition condition)
    {
        if (condition.Error is not null)
        {
            return $"{condition.Text} — error: {condition.Error}";
        }

        var plain = $"{condition.Text} {(condition.Result == true ? ConditionBreakdown.Yes : ConditionBreakdown.No)}";
        // A single comparison reads better with its values: `frequency >= 2 → 4 >= 2 ✓`.
        return condition.Parts.Count > 0 && condition.Parts[0].Shown != plain ? $"{condition.Text} → {condition.Parts[0].Shown}" : plain;
    }

    private static void WriteParts(TextWriter output, ExplainedCondition condition, string indent)
    {
        // The first part is the whole condition, already on the line above.
        foreach (var part in condition.Parts.Skip(1))
        {
            output.WriteLine($"{indent}{new string(' ', 2 * Math.Max(0, part.Depth - 1))}{part.Shown}");
        }
    }
}
