using CampaignEngine.Dsl.Tests.Support;

namespace CampaignEngine.Dsl.Tests;

/// <summary>What conditions evaluate to, literal by literal, including missing values (docs/dsl.md).</summary>
public class EvaluationSemanticsTests
{
    public static TheoryData<string, bool> OnTheDefaultCustomer => new()
    {
        // numbers and arithmetic
        { "frequency >= 3", true },
        { "frequency > 3", false },
        { "frequency = 3 and frequency == 3 and frequency <> 4 and frequency != 4", true },
        { "(frequency + 1) * 2 = 8", true },
        { "frequency / 2 = 1.5", true },
        { "-frequency < 0", true },
        { "frequency - 1 - 1 = 1", true },
        { "days_since_last > cycle * 1.5", true },
        { "frequency = 1 or frequency = 3 and monetary > 100000", false },
        { "(frequency = 1 or frequency = 3) and monetary > 100", true },
        // money: ¥, 元 and plain numbers where money is expected
        { "monetary >= ¥600", true },
        { "monetary >= ￥600.01", false },
        { "monetary = 600元", true },
        { "monetary > 599.99", true },
        { "aov * 3 = monetary", true },
        { "monetary / aov = 3", true },
        // percentages
        { "aov = monetary * 33.3333333333333333%", false },
        { "monetary * 10% = 60", true },
        { "50% = 0.5", true },
        // durations: days, weeks, hours, minutes; a plain number next to a duration counts days
        { "since_first = 2w", true },
        { "since_first = 14d", true },
        { "since_first > 335h", true },
        { "since_first < 20161m", true },
        { "since_first = 14", true },
        { "days_since_last > 5w", true },
        { "12h = 0.5d", true },
        { "since_first = 2周 and since_first = 14天", true },
        // dates: date - date is a duration, date ± duration is a date
        { "last_order = 2026-11-11", true },
        { "last_order > 2026-11-10 and last_order < 2026-11-12", true },
        { "last_order - 2026-11-01 = 10d", true },
        { "last_order - 2026-11-01 = 10", true },
        { "last_order + 7d = 2026-11-18", true },
        { "7 + last_order = 2026-11-18", true },
        { "last_order - 2w = 2026-10-28", true },
        { "last_order + 36h = 2026-11-12", true },
        // times of day
        { "preferred_time >= 21:00", true },
        { "preferred_time between 9:00 and 21:00", false },
        // text: case-insensitive, any quotes
        { "level = \"VIP\"", true },
        { "level = \"vip\"", true },
        { "level = “VIP”", true },
        { "level = 'VIP'", true },
        { "level = 「VIP」", true },
        { "level != \"金卡\"", true },
        { "level in [\"金卡\", \"VIP\"]", true },
        { "level not in [\"金卡\", \"VIP\"]", false },
        { "region in [\"北京\"]", false },
        // booleans
        { "is_member", true },
        { "is_member = true", true },
        { "not is_member", false },
        { "is_member != false", true },
        // between and in on numbers
        { "frequency between 2 and 4", true },
        { "frequency between 3 and 3", true },
        { "frequency not between 2 and 4", false },
        { "frequency in [1, 2, 3]", true },
        { "frequency in []", false },
        // functions from the schema, literal arguments resolved at compile time
        { "tagged(\"vip\")", true },
        { "tagged(\"blacklist\")", false },
        { "not tagged(\"blacklist\") and bought(\"外套\")", true },
        { "bought(\"shoes\")", false },
        { "contacts_in(30d) = 1", true },
        { "contacts_in(7) = 0", true },
        { "known(cycle) and known(level) and known(last_order) and known(is_member)", true },
        // comments are ignored
        { "frequency >= 3 # a comment", true },
        { "frequency >= 3 // a comment", true },
    };

    [Theory]
    [MemberData(nameof(OnTheDefaultCustomer))]
    public void Condition_evaluates_as_documented(string condition, bool expected)
        => Assert.Equal(expected, Compile.Condition(condition).Test(OneCustomer.With(), 0));

    public static TheoryData<string, bool> OnACustomerWithMissingFacts => new()
    {
        // a comparison with a missing operand is false — every comparison operator, either side
        { "cycle > 10", false },
        { "cycle < 10", false },
        { "cycle = 10", false },
        { "cycle != 10", false },
        { "10 <= cycle", false },
        { "cycle between 1 and 100", false },
        { "cycle not between 1 and 2", false },
        { "cycle in [1, 2]", false },
        { "cycle not in [1, 2]", false },
        { "level = \"VIP\"", false },
        { "level != \"VIP\"", false },
        { "level not in [\"VIP\"]", false },
        { "last_order < 2026-01-01", false },
        { "last_order != 2026-01-01", false },
        { "frequency between 1 and cycle", false },
        // `not` inverts what it gets: a false comparison becomes true
        { "not (cycle > 10)", true },
        { "not (cycle = 10)", true },
        { "not (level = \"VIP\")", true },
        { "not (cycle in [1, 2])", true },
        // arithmetic with a missing operand is missing
        { "cycle + 1 > 0", false },
        { "cycle * 0 = 0", false },
        { "last_order + 7d > 2000-01-01", false },
        { "last_order - 2026-01-01 > 0", false },
        { "known(cycle + 1)", false },
        { "known(last_order + 1d)", false },
        { "known(last_order - last_order)", false },
        // division by zero is missing, not infinity and not an exception
        { "monetary / frequency > 0", false },
        { "known(monetary / frequency)", false },
        { "known(monetary / 0)", false },
        // known() tests presence
        { "known(cycle)", false },
        { "not known(cycle)", true },
        { "known(level)", false },
        { "known(last_order)", false },
        { "known(frequency)", true },
        { "已知(购买周期)", false },
        // missing does not leak through or/and
        { "cycle > 10 or frequency = 0", true },
        { "cycle > 10 and frequency = 0", false },
        // a date pushed out of the calendar is missing too
        { "known(2026-01-01 + 2999999d)", false },
        { "known(2026-01-01 + 99999999d)", false },
    };

    [Theory]
    [MemberData(nameof(OnACustomerWithMissingFacts))]
    public void Missing_values_follow_the_documented_rule(string condition, bool expected)
    {
        var customer = OneCustomer.With(c =>
        {
            c.Frequency[0] = 0;
            c.Cycle[0] = double.NaN;
            c.Level[0] = null;
            c.LastOrder[0] = int.MinValue;
        });
        Assert.Equal(expected, Compile.Condition(condition).Test(customer, 0));
    }

    [Theory]
    [InlineData("frequency >= 2 and monetary > 300 and not tagged(\"blacklist\")")]
    [InlineData("cycle > 10 or level = \"vip\" or region in [\"上海\", \"北京\"]")]
    [InlineData("not (days_since_last between 30 and 90) and known(cycle)")]
    [InlineData("last_order + cycle > 2026-06-01 and preferred_time < 21:00")]
    public void Block_filter_selects_exactly_the_rows_the_predicate_accepts(string text)
    {
        var table = CustomerTable.Random(5_000, seed: 11);
        var condition = Compile.Condition(text);
        var rows = Enumerable.Range(0, table.RowCount).Where(r => r % 3 != 1).ToArray();
        var selected = new int[rows.Length];

        var count = condition.Filter(table, rows, rows.Length, selected);

        Assert.Equal(rows.Where(r => condition.Test(table, r)).ToArray(), selected[..count]);
        Assert.InRange(count, 1, rows.Length - 1);
    }

    [Fact]
    public void Block_filter_can_narrow_a_selection_in_place()
    {
        var table = CustomerTable.Random(2_000, seed: 13);
        var audience = Compile.Condition("frequency >= 2");
        var rule = Compile.Condition("monetary > 500 and not tagged(\"blacklist\")");
        var rows = Enumerable.Range(0, table.RowCount).ToArray();

        var count = audience.Filter(table, rows, rows.Length, rows);
        count = rule.Filter(table, rows, count, rows);

        var expected = Enumerable.Range(0, table.RowCount).Where(r => audience.Test(table, r) && rule.Test(table, r)).ToArray();
        Assert.Equal(expected, rows[..count]);
        Assert.NotEmpty(expected);
    }
}
