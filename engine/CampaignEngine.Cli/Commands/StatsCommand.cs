using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CampaignEngine.Stats;
using Spectre.Console;

namespace CampaignEngine.Cli.Commands;

/// <summary><c>campaign stats --data DIR [--as-of D] [--json]</c>: the shop's retention figures.</summary>
internal sealed class StatsCommand : ICliCommand
{
    public Command Create(CliConsole console)
    {
        var options = new ShopDataOptions();
        var command = new Command("stats", "Shop figures as of a date: repeat revenue share, repeat-purchase rate, AOV, purchase cycles, RFM segments.");
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var (table, exit) = options.LoadFacts(parse, console);
            if (table is null)
            {
                return exit;
            }

            var figures = ShopFigures.Compute(table);
            if (parse.GetValue(options.Json))
            {
                console.Out.WriteLine(JsonSerializer.Serialize(figures, ShopDataOptions.JsonOptions));
            }
            else
            {
                Print(figures, ShopDataOptions.Terminal(console));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(ShopFigures f, IAnsiConsole terminal)
    {
        var c = CultureInfo.InvariantCulture;
        var summary = new Table().Title($"Shop figures as of {f.AsOf:yyyy-MM-dd}").AddColumn("figure").AddColumn("value").AddColumn("meaning");
        summary.AddRow("customers", f.Customers.ToString(c), "customers with a paid order before the date");
        summary.AddRow("repeat_purchase_rate 回头率", $"{f.RepeatPurchaseRate:P1} ({f.RepeatCustomers} customers)", "share of customers with 2 or more paid orders");
        summary.AddRow("orders", f.Orders.ToString(c), "paid, non-refunded orders");
        summary.AddRow("revenue", f.Revenue.ToString("N2", c), "total paid (yuan)");
        summary.AddRow("repeat_revenue_share 老客户销售占比", f.RepeatRevenueShare.ToString("P1", c), "revenue of 2nd and later orders ÷ all revenue");
        summary.AddRow("aov_new 新客客单价", f.AovNew.ToString("N2", c), "average first order (yuan)");
        summary.AddRow("aov_repeat 老客客单价", f.AovRepeat.ToString("N2", c), "average 2nd-or-later order (yuan)");
        summary.AddRow("median_cycle 购买周期中位数", f.MedianCycle is { } m ? m.ToString("0.0", c) + " days" : "missing", "median of customers' purchase cycles");
        terminal.Write(summary);

        var cycles = new Table().Title("Purchase cycles (customers with 2+ order days)").AddColumn("days").AddColumn("customers").AddColumn("");
        var max = Math.Max(1, f.CycleHistogram.Max(b => b.Customers));
        foreach (var bucket in f.CycleHistogram)
        {
            cycles.AddRow(bucket.Days, bucket.Customers.ToString(c), new string('█', (int)Math.Round(30.0 * bucket.Customers / max)));
        }

        terminal.Write(cycles);

        var segments = new Table().Title("RFM segments").AddColumn("segment").AddColumn("名称").AddColumn("customers").AddColumn("revenue");
        foreach (var s in f.Segments)
        {
            segments.AddRow(s.Segment, s.Name, s.Customers.ToString(c), s.Revenue.ToString("N2", c));
        }

        terminal.Write(segments);
    }
}
