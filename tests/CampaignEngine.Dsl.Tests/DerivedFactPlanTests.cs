using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Dsl.Tests.Support;

namespace CampaignEngine.Dsl.Tests;

/// <summary>
/// A derived fact made with <see cref="CompiledValue{TContext}.AsField"/> is planned from its definition (SIMD kernels)
/// where its reader alone would run row by row: every path must still pick the customers the per-row test picks,
/// and the same as the fact built from the reader alone.
/// </summary>
public class DerivedFactPlanTests
{
    private const int Rows = 1_300;

    [Theory]
    [InlineData("repeat and monetary > 300")]
    [InlineData("not repeat or spend_per_order >= 150")]
    [InlineData("spend_per_order between 50 and 200 and level in [\"金卡\", \"VIP\"]")]
    [InlineData("repeat and spend_per_order > cycle and not tagged(\"blacklist\")")]
    public void A_derived_fact_planned_from_its_definition_picks_the_same_customers(string text)
    {
        var table = CustomerTable.Random(Rows, seed: 17).InternTexts();
        var planned = CampaignCompiler.CompileCondition(text, new SourceOrigin("test.yaml"), WithDerived(asField: true)).Value!;
        var reader = CampaignCompiler.CompileCondition(text, new SourceOrigin("test.yaml"), WithDerived(asField: false)).Value!;
        var expected = Enumerable.Range(0, Rows).Where(row => reader.Test(table, row)).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Enumerable.Range(0, Rows).Where(row => planned.Test(table, row)));
        var third = Enumerable.Range(0, Rows).Where(row => row % 3 != 1).ToArray();
        foreach (var rows in new[] { Enumerable.Range(0, Rows).ToArray(), third })
        {
            var selected = new int[rows.Length];
            var n = planned.Columnar!.Filter(table, rows, rows.Length, selected);
            Assert.Equal(rows.Where(r => Array.BinarySearch(expected, r) >= 0), selected[..n]);
            n = planned.Filter(table, rows, rows.Length, selected);
            Assert.Equal(rows.Where(r => Array.BinarySearch(expected, r) >= 0), selected[..n]);
        }
    }

    private static FactSchema<CustomerTable> WithDerived(bool asField)
    {
        var schema = TestSchema.WithTextIds();
        foreach (var (name, text) in new[] { ("repeat", "frequency >= 2"), ("spend_per_order", "monetary / frequency") })
        {
            var value = CampaignCompiler.CompileValue(text, new SourceOrigin("facts.yaml"), schema).Value!;
            schema = schema.WithFields([asField ? value.AsField(name, text, []) : new FieldDefinition<CustomerTable>(name, value.Type, text, [], value.Read)]);
        }

        return schema;
    }
}
