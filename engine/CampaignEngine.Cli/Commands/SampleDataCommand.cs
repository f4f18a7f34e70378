using System.CommandLine;
using System.Globalization;
using System.Numerics;
using CampaignEngine.SampleShop;
using Spectre.Console;

namespace CampaignEngine.Cli.Commands;

/// <summary>
/// <c>campaign sample-data --customers N --seed S --out DIR [--start D] [--end D] [--orders-per-customer N]</c>:
/// writes a deterministic synthetic shop (orders.csv, customers.csv). Options are read as text and
/// checked here so that every mistake gets a sentence saying how to fix it and exit code 2.
/// </summary>
internal sealed class SampleDataCommand : ICliCommand
{
    public Command Create(CliConsole console)
    {
        var customers = TextOption("--customers", "N", "Number of customers (default 2000; 1000000 for benchmarks).");
        var seed = TextOption("--seed", "S", "Random seed; the same seed writes byte-identical files (default 42).");
        var output = TextOption("--out", "DIR", "Directory to write orders.csv and customers.csv into (created if missing). Required.");
        var start = TextOption("--start", "yyyy-MM-dd", "First day of the period, yyyy-MM-dd (default: two years before --end, i.e. 2023-12-01).");
        var end = TextOption("--end", "yyyy-MM-dd", "Last day of the period = the export date, yyyy-MM-dd (default 2025-11-30).");
        var ordersPerCustomer = TextOption("--orders-per-customer", "N", "Mean orders per customer for benchmarks (e.g. 10); omit for the realistic shop where most customers buy once.");

        var command = new Command("sample-data", "Write a realistic synthetic shop (orders.csv, customers.csv) for demos, tests and benchmarks.")
        {
            customers, seed, output, start, end, ordersPerCustomer,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            var errors = new List<string>();
            foreach (var token in parse.UnmatchedTokens)
            {
                errors.Add($"unknown argument '{token}'; the options are --customers, --seed, --out, --start, --end, --orders-per-customer.");
            }

            string? Value(Option<string> option) => ValueOf(parse, option, errors);
            var options = new SampleShopOptions
            {
                Customers = ParseNumber(Value(customers), "--customers", 2000, errors),
                Seed = ParseNumber(Value(seed), "--seed", 42L, errors),
                OrdersPerCustomer = ParseOptionalDecimal(Value(ordersPerCustomer), "--orders-per-customer", errors),
            };
            var endDate = ParseDate(Value(end), "--end", SampleShopOptions.DefaultEnd, errors);
            var startDate = ParseDate(Value(start), "--start", endDate.AddYears(-2).AddDays(1), errors);
            options = options with { Start = startDate, End = endDate };

            var directory = Value(output);
            if (string.IsNullOrWhiteSpace(directory))
            {
                errors.Add("--out is required: the directory to write orders.csv and customers.csv into, e.g. --out campaigns/data.");
            }
            else if (File.Exists(directory))
            {
                errors.Add($"--out '{directory}' is a file; give a directory.");
            }

            if (errors.Count == 0)
            {
                errors.AddRange(options.Validate());
            }

            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    console.Error.WriteLine($"sample-data: error: {error}");
                }

                console.Error.WriteLine("usage: campaign sample-data --customers 2000 --seed 42 --out DIR [--start 2023-12-01 --end 2025-11-30] [--orders-per-customer 10]");
                return ExitCodes.Usage;
            }

            return Generate(console, options, directory!);
        });
        return command;
    }

    private static int Generate(CliConsole console, SampleShopOptions options, string directory)
    {
        SampleShopSummary summary;
        try
        {
            if (console.IsInteractive && options.Customers >= 100_000)
            {
                summary = null!;
                AnsiConsole.Progress().Start(context =>
                {
                    var task = context.AddTask("customers", maxValue: options.Customers);
                    summary = SampleShopGenerator.Write(options, directory, new Reporter(done => task.Value = done));
                });
            }
            else
            {
                // Plain lines for logs: one per tenth of a large run, none for a small one.
                var step = Math.Max(100_000, options.Customers / 10);
                var nextLine = step;
                summary = SampleShopGenerator.Write(options, directory, new Reporter(done =>
                {
                    if (done >= nextLine && done < options.Customers)
                    {
                        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {done:N0} / {options.Customers:N0} customers"));
                        nextLine = (done / step + 1) * step;
                    }
                }));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"sample-data: error: cannot write to '{directory}': {ex.Message}");
            return ExitCodes.Usage;
        }

        var inv = CultureInfo.InvariantCulture;
        console.Out.WriteLine(string.Create(inv, $"Sample shop: {summary.Customers:N0} customers, {summary.Orders:N0} orders ({summary.OrderLines:N0} lines) paid {options.Start:yyyy-MM-dd}..{options.End:yyyy-MM-dd}, seed {options.Seed}."));
        console.Out.WriteLine(string.Create(inv, $"  {Path.Combine(directory, SampleShopGenerator.OrdersFileName)}, {Path.Combine(directory, SampleShopGenerator.CustomersFileName)}"));
        console.Out.WriteLine(string.Create(inv, $"  one-order customers {1 - summary.RepeatPurchaseRate:P1}, repeat purchase rate (回头率) {summary.RepeatPurchaseRate:P1}, repeat revenue share (老客户销售占比) {summary.RepeatRevenueShare:P1}"));
        console.Out.WriteLine(string.Create(inv, $"  refunded {summary.RefundedOrders:N0}, closed (unpaid) {summary.ClosedOrders:N0}, revenue ¥{summary.RevenueFen / 100m:N2}"));
        return ExitCodes.Ok;
    }

    /// <summary>The option's text; an option given without a value is an error, not a silent default.</summary>
    private static string? ValueOf(ParseResult parse, Option<string> option, List<string> errors)
    {
        var value = parse.GetValue(option);
        if (value is null && parse.GetResult(option) is { Implicit: false })
        {
            errors.Add($"{option.Name} needs a value, e.g. {option.Name} {Example(option.Name)}.");
        }

        return value;
    }

    private static string Example(string option) => option switch
    {
        "--out" => "campaigns/data",
        "--start" => "2023-12-01",
        "--end" => "2025-11-30",
        "--seed" => "42",
        _ => "10",
    };

    private static Option<string> TextOption(string name, string helpName, string description)
        => new(name) { Description = description, HelpName = helpName, Arity = ArgumentArity.ZeroOrOne };

    private static T ParseNumber<T>(string? text, string option, T fallback, List<string> errors)
        where T : struct, IBinaryInteger<T>
    {
        if (text is null)
        {
            return fallback;
        }

        if (T.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add($"{option} needs a whole number, e.g. {option} {fallback} (got '{text}').");
        return fallback;
    }

    private static double? ParseOptionalDecimal(string? text, string option, List<string> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add($"{option} needs a number, e.g. {option} 10 (got '{text}').");
        return null;
    }

    private static DateOnly ParseDate(string? text, string option, DateOnly fallback, List<string> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add($"{option} needs a date written yyyy-MM-dd, e.g. {option} {fallback:yyyy-MM-dd} (got '{text}').");
        return fallback;
    }

    /// <summary>Reports synchronously on the generating thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class Reporter(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
