using CampaignEngine.Calendar;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Orders;

namespace CampaignEngine.Facts.Tests.Facts;

/// <summary>
/// level, region and group are compared as interned ids (and whole blocks column at a time): they must pick the
/// same customers as comparing the texts, also after rules set levels during a run.
/// </summary>
public sealed class TextIdFactsTests
{
    private const int Customers = 300;

    private static readonly FactSchema<FactTable> WithIds = BuiltInFacts.Schema(FestivalCalendar.Default);
    private static readonly FactSchema<FactTable> TextsOnly = new(WithIds.Fields.Select(f => f with { Ids = null }), WithIds.Functions);

    [Theory]
    [InlineData("level in [\"金卡\", \"VIP\"]")]
    [InlineData("level = \"vip\" and frequency >= 1")]
    [InlineData("level not in [\"普通\"] or region = \"上海\"")]
    [InlineData("not (level != \"金卡\") and known(region)")]
    [InlineData("group = \"vip群\" or level = \"钻石\"")]
    public void Text_facts_as_ids_pick_the_customers_their_texts_pick(string text)
    {
        var table = Shop();
        AssertSameCustomers(text, table);

        // Rules set levels during a run; the id column catches up on every change, the last one winning.
        table.Overlay.SetLevel(3, "金卡");
        table.Overlay.SetLevel(4, "VIP");
        AssertSameCustomers(text, table);
        table.Overlay.SetLevel(3, "普通");
        table.Overlay.SetLevel(200, "钻石");
        AssertSameCustomers(text, table);
    }

    private static void AssertSameCustomers(string text, FactTable table)
    {
        var origin = new SourceOrigin("ids.yaml");
        var ids = CampaignCompiler.CompileCondition(text, origin, WithIds).Value!;
        var texts = CampaignCompiler.CompileCondition(text, origin, TextsOnly).Value!;
        var expected = Enumerable.Range(0, Customers).Where(row => texts.Test(table, row)).ToArray();
        Assert.NotEmpty(expected);

        var rows = Enumerable.Range(0, Customers).ToArray();
        var selected = new int[Customers];
        var n = ids.Filter(table, rows, Customers, selected);
        Assert.Equal(expected, selected[..n]);
        Assert.Equal(expected, Enumerable.Range(0, Customers).Where(row => ids.Test(table, row)));
        var everyOther = rows.Where(row => row % 2 == 0).ToArray();
        n = ids.Filter(table, everyOther, everyOther.Length, selected);
        Assert.Equal(expected.Where(row => row % 2 == 0), selected[..n]);
    }

    private static FactTable Shop()
    {
        string?[] levels = ["普通", "金卡", "VIP", "vip", "银卡", null];
        string?[] regions = ["上海", "北京", null];
        string?[] groups = ["vip群", "新客群", null];
        var random = new Random(3);
        var builder = new OrderHistoryBuilder();
        for (var c = 0; c < Customers; c++)
        {
            builder.Customer($"c{c}", new CustomerDetails(Group: groups[random.Next(groups.Length)], Region: regions[random.Next(regions.Length)], Level: levels[random.Next(levels.Length)]));
            if (random.Next(3) > 0)
            {
                builder.Order($"o{c}", $"c{c}", new DateTime(2024, 1, 1).AddDays(random.Next(300)), 10m);
            }
        }

        return FactTable.AsOf(builder.Build(), new DateOnly(2025, 1, 1));
    }
}
