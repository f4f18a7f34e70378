using CampaignEngine.Calendar;
using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Facts;
using CampaignEngine.Orders;

namespace CampaignEngine.Evaluation.Tests;

/// <summary>The explain breakdown: comparisons with their values, calculations with their results, missing shown as missing.</summary>
public sealed class ConditionBreakdownTests
{
    private static ExplainedCondition Explain(string condition, FactTable facts, int row)
    {
        var compiled = CampaignCompiler.CompileCondition(condition, new SourceOrigin("test"), BuiltInFacts.Schema(FestivalCalendar.Default));
        Assert.True(compiled.Succeeded, string.Join("; ", compiled.Diagnostics));
        return ConditionBreakdown.Explain(compiled.Value!, facts, row);
    }

    /// <summary>Customer "a": orders every 24 days (cycle 24), five of them, the last 40 days before the facts' date; "b": one order (no cycle).</summary>
    private static FactTable Facts()
    {
        var shop = new OrderHistoryBuilder();
        var first = new DateTime(2026, 1, 1, 12, 0, 0);
        for (var i = 0; i < 5; i++)
        {
            shop.Order("a" + i, "a", first.AddDays(24 * i), 50m);
        }

        shop.Order("b0", "b", first, 50m);
        return FactTable.AsOf(shop.Build(), DateOnly.FromDateTime(first.AddDays(24 * 4 + 40)));
    }

    [Fact]
    public void Comparisons_show_their_values()
    {
        var facts = Facts();
        var a = facts.History.FindCustomer("a");

        var explained = Explain("frequency >= 3 and days_since_last > cycle * 1.5", facts, a);

        Assert.True(explained.Result);
        Assert.Equal(
            ["frequency >= 3 and days_since_last > cycle * 1.5 ✓", "5 >= 3 ✓", "frequency = 5", "40 > 36.0 ✓", "days_since_last = 40", "cycle * 1.5 = 24 * 1.5 = 36.0", "cycle = 24"],
            explained.Parts.Select(p => p.Shown));
    }

    [Fact]
    public void A_missing_value_is_shown_as_missing_and_the_comparison_fails()
    {
        var facts = Facts();

        var explained = Explain("days_since_last > cycle", facts, facts.History.FindCustomer("b"));

        Assert.False(explained.Result);
        Assert.Equal(["136 > missing ✗", "days_since_last = 136", "cycle = missing"], explained.Parts.Select(p => p.Shown));
    }
}
