using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CampaignEngine.Calendar;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Facts;
using Spectre.Console;

namespace CampaignEngine.Cli.Commands;

/// <summary>
/// <c>campaign facts --data DIR --customer ID [--as-of D] [--json]</c>: one customer's every fact with its
/// meaning, so a marketer can see why a rule did or did not fire.
/// </summary>
internal sealed class FactsCommand : ICliCommand
{
    public Command Create(CliConsole console)
    {
        var options = new ShopDataOptions();
        var customer = new Option<string>("--customer") { Description = "the customer id (买家会员名)", Required = true };
        var command = new Command("facts", "One customer's facts as of a date, with their meanings.");
        options.AddTo(command);
        command.Options.Add(customer);
        command.SetAction(parse =>
        {
            var (table, exit) = options.LoadFacts(parse, console);
            if (table is null)
            {
                return exit;
            }

            var id = parse.GetValue(customer)!;
            var row = table.History.FindCustomer(id);
            if (row < 0)
            {
                console.Error.WriteLine($"customer '{id}' is not in the data ({table.RowCount} customers); ids are the 买家会员名 column");
                return ExitCodes.InputErrors;
            }

            var facts = BuiltInFacts.Schema(FestivalCalendar.Default).Fields
                .Select(f => (Field: f, Value: Format(f.Type, f.Read.Compile().DynamicInvoke(table, row))))
                .ToArray();
            if (parse.GetValue(options.Json))
            {
                var json = new Dictionary<string, object?> { ["as_of"] = table.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
                foreach (var (field, value) in facts)
                {
                    json[field.Name] = value;
                }

                console.Out.WriteLine(JsonSerializer.Serialize(json, ShopDataOptions.JsonOptions));
                return ExitCodes.Ok;
            }

            var output = new Table().Title($"{id} as of {table.Date:yyyy-MM-dd}").AddColumn("fact").AddColumn("别名").AddColumn("value").AddColumn("meaning");
            foreach (var (field, value) in facts)
            {
                output.AddRow(Markup.Escape(field.Name), Markup.Escape(string.Join(", ", field.Aliases)), Markup.Escape(Display(value)), Markup.Escape(field.Description));
            }

            ShopDataOptions.Terminal(console).Write(output);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A fact value as JSON would carry it: numbers, yyyy-MM-dd dates, text, booleans; null when missing.</summary>
    private static object? Format(DslType type, object? value) => value switch
    {
        double d when double.IsNaN(d) => null,
        double d when type == DslType.Money => Math.Round(d, 2),
        int day when type == DslType.Date => day == int.MinValue ? null : DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value,
    };

    private static string Display(object? value) => value switch
    {
        null => "missing",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "missing",
    };
}
