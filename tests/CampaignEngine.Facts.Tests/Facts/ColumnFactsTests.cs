using System.Linq.Expressions;
using CampaignEngine.Calendar;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Orders;

namespace CampaignEngine.Facts.Tests.Facts;

/// <summary>
/// favorite_category / favorite_style are kept as id columns brought up to date at each new moment, and a literal
/// tag reads a column built once per history: as the table advances day by day and rules set tags during a run,
/// both must pick exactly the customers the texts and the tag lists pick.
/// </summary>
public sealed class ColumnFactsTests
{
    private const int Customers = 250;

    private static readonly FactSchema<FactTable> Columns = BuiltInFacts.Schema(FestivalCalendar.Default);

    /// <summary>Without ids, and with tagged() built as for a non-literal argument (the per-customer tag list lookup).</summary>
    private static readonly FactSchema<FactTable> Slow = new(
        Columns.Fields.Select(f => f with { Ids = null }),
        Columns.Functions.Select(f => f.Name != "tagged" ? f : f with
        {
            Build = (context, row, args) => f.Build(context, row, [Expression.Convert(Expression.Convert(args[0], typeof(object)), typeof(string))]),
        }));

    [Theory]
    [InlineData("favorite_category = \"外套\"")]
    [InlineData("favorite_style in [\"韩版\", \"日系\"] or favorite_category != \"鞋靴\"")]
    [InlineData("bought(\"连衣裙\") and favorite_category = \"连衣裙\"")]
    [InlineData("not tagged(\"blacklist\") and frequency >= 1")]
    [InlineData("tagged(\"vip\") or favorite_style = \"简约\"")]
    public void Column_facts_pick_the_customers_their_texts_pick_as_the_table_advances(string text)
    {
        var table = Shop();
        var origin = new SourceOrigin("columns.yaml");
        var fast = CampaignCompiler.CompileCondition(text, origin, Columns).Value!;
        var slow = CampaignCompiler.CompileCondition(text, origin, Slow).Value!;
        var checkedDays = 0;
        for (var day = new DateOnly(2024, 1, 10); day < new DateOnly(2024, 12, 31); day = day.AddDays(9))
        {
            table.AdvanceTo(day);
            if (day.DayNumber % 2 == 0)
            {
                // A rule tags and untags customers during the run: the overlay wins over the loaded column.
                table.Overlay.SetTag(day.DayNumber % Customers, "blacklist", true);
                table.Overlay.SetTag((day.DayNumber * 7) % Customers, "vip", false);
            }

            var expected = Enumerable.Range(0, Customers).Where(row => slow.Test(table, row)).ToArray();
            checkedDays += expected.Length > 0 ? 1 : 0;
            var rows = Enumerable.Range(0, Customers).ToArray();
            var selected = new int[Customers];
            var n = fast.Filter(table, rows, Customers, selected);
            Assert.Equal(expected, selected[..n]);
            Assert.Equal(expected, Enumerable.Range(0, Customers).Where(row => fast.Test(table, row)));
            var scattered = rows.Where(row => row % 11 == 3).ToArray();
            n = fast.Filter(table, scattered, scattered.Length, selected);
            Assert.Equal(expected.Where(row => row % 11 == 3), selected[..n]);
        }

        Assert.True(checkedDays > 10, $"{text} matched on {checkedDays} days only");
    }

    private static FactTable Shop()
    {
        string[] categories = ["外套", "连衣裙", "鞋靴", "配饰"];
        string[] styles = ["韩版", "日系", "简约"];
        string[][] tags = [[], ["vip"], ["blacklist"], ["vip", "blacklist"]];
        var random = new Random(11);
        var builder = new OrderHistoryBuilder();
        for (var c = 0; c < Customers; c++)
        {
            builder.Customer($"c{c}", new CustomerDetails(Tags: tags[random.Next(tags.Length)]));
        }

        for (var o = 0; o < Customers * 4; o++)
        {
            var lines = Enumerable.Range(0, 1 + random.Next(3))
                .Select(_ => new OrderLine(categories[random.Next(categories.Length)], styles[random.Next(styles.Length)], 1 + random.Next(3), 10m))
                .ToArray();
            builder.Order($"o{o}", $"c{random.Next(Customers)}", new DateTime(2024, 1, 1).AddDays(random.Next(365)).AddHours(random.Next(24)), 30m,
                random.Next(8) == 0 ? OrderStatus.Refunded : OrderStatus.Signed, lines: lines);
        }

        return FactTable.AsOf(builder.Build(), new DateOnly(2024, 1, 5));
    }
}
