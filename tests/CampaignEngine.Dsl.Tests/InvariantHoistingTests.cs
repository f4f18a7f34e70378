using System.Linq.Expressions;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Dsl.Tests.Support;

namespace CampaignEngine.Dsl.Tests;

/// <summary>
/// Parts of a condition that are the same for every customer of a context — a pure function that does not read
/// the row (<c>season_is("summer")</c>), a field of the context — are computed once per block, and a false one under
/// an <c>and</c> rules the block out (<see cref="CompiledCondition{TContext}.MayHoldForAnyone"/>). The reference is the
/// same text against a schema where nothing can be hoisted (the function not declared pure, the field reading the row):
/// every path must pick the same customers, and fail the same way.
/// </summary>
public class InvariantHoistingTests
{
    private const int Rows = 1_300;

    private static readonly string[] RowParts =
    [
        "frequency > 3", "monetary >= 500", "level = \"VIP\"", "tagged(\"vip\")", "days_since_last < cycle", "bought(\"外套\")",
        "known(cycle)", "is_member", "contacts_in(30d) = 0", "frequency + day_of_season > 40",
    ];

    private static readonly string[] InvariantParts =
    [
        "season_is(\"summer\")", "season_is(\"winter\")", "day_of_season > 30", "not season_is(\"summer\")", "day_of_season * 2 between 20 and 70",
    ];

    [Fact]
    public void Hoisted_conditions_pick_the_customers_the_unhoisted_ones_pick_on_every_path()
    {
        var random = new Random(20261123);
        var table = CustomerTable.Random(Rows, seed: 5).InternTexts();
        var ruledOut = 0;
        for (var i = 0; i < 600; i++)
        {
            var text = Condition(random, depth: 3);
            var hoisted = CampaignCompiler.CompileCondition(text, new SourceOrigin("random.yaml"), Hoisting(pure: true)).Value!;
            var reference = CampaignCompiler.CompileCondition(text, new SourceOrigin("random.yaml"), Hoisting(pure: false)).Value!;
            Assert.NotNull(hoisted);
            foreach (var (season, day) in new[] { ("summer", 10.0), ("winter", 45.0), ("spring", 31.0) })
            {
                (table.Season, table.DayOfSeason) = (season, day);
                var expected = Enumerable.Range(0, Rows).Where(row => reference.Test(table, row)).ToArray();
                Assert.True(reference.MayHoldForAnyone(table), $"nothing of {text} is the same for everyone without hoisting");
                if (!hoisted.MayHoldForAnyone(table))
                {
                    ruledOut++;
                    Assert.True(expected.Length == 0, $"{text} ruled out in {season} but holds for {expected.Length} customers");
                }

                AgreeOnEveryPath(hoisted, table, expected, random, $"{text} ({season}, day {day})");
            }
        }

        // The generator must produce conditions their invariant parts settle, or this proves little.
        Assert.InRange(ruledOut, 100, 1_800);
    }

    [Theory]
    [InlineData("season_is(\"summer\") and frequency > 3", "winter", 0)]
    [InlineData("frequency > 3 and not season_is(\"winter\")", "winter", 0)]
    [InlineData("(season_is(\"summer\") and frequency > 3) or (season_is(\"autumn\") and monetary > 100)", "winter", 0)]
    [InlineData("season_is(\"summer\") and frequency > 3", "summer", 1)]
    [InlineData("season_is(\"summer\") or frequency > 3", "winter", 1)]
    [InlineData("not (season_is(\"summer\") and frequency > 3)", "summer", 1)]
    [InlineData("not (season_is(\"summer\") or frequency > 3)", "summer", 0)]
    public void May_hold_for_anyone_asks_only_the_parts_that_are_the_same_for_everyone(string text, string season, int mayHold)
    {
        var table = CustomerTable.Random(200, seed: 3);
        table.Season = season;
        var condition = CampaignCompiler.CompileCondition(text, new SourceOrigin("test.yaml"), Hoisting(pure: true)).Value!;
        Assert.Equal(mayHold == 1, condition.MayHoldForAnyone(table));
        var rows = Enumerable.Range(0, 200).ToArray();
        var selected = new int[rows.Length];
        var passed = condition.Filter(table, rows, rows.Length, selected);
        Assert.Equal(Enumerable.Range(0, 200).Where(row => condition.Test(table, row)), selected[..passed]);
        if (mayHold == 0)
        {
            Assert.Equal(0, passed);
        }
    }

    [Theory]
    [InlineData("season_fails() and frequency > 3")]
    [InlineData("frequency > 3 and season_fails()")]
    [InlineData("season_fails() or frequency > 3")]
    [InlineData("not season_fails() and monetary > 100")]
    [InlineData("frequency > 3 and tagged(\"vip\") and season_fails()")]
    public void A_failing_part_that_is_the_same_for_everyone_fails_every_path_and_never_rules_out(string text)
    {
        var table = CustomerTable.Random(Rows, seed: 9).InternTexts();
        table.Season = "bad";
        var condition = CampaignCompiler.CompileCondition(text, new SourceOrigin("test.yaml"), Hoisting(pure: true)).Value!;
        // Asking whether anyone can match does not throw: the rows are then evaluated and the failure reported there.
        Assert.True(condition.MayHoldForAnyone(table));
        Assert.Throws<InvalidOperationException>(() => condition.Test(table, 0));
        foreach (var rows in new[] { Enumerable.Range(0, Rows).ToArray(), Enumerable.Range(0, 40).Select(i => i * 31).ToArray() })
        {
            var selected = new int[rows.Length];
            Assert.Throws<InvalidOperationException>(() => condition.Filter(table, rows, rows.Length, selected));
            Assert.Throws<InvalidOperationException>(() => condition.RowByRow!(table, rows, rows.Length, selected));
        }

        // No row, no question asked.
        Assert.Equal(0, condition.Filter(table, [], 0, []));
        Assert.Equal(0, condition.RowByRow!(table, [], 0, []));
        table.Season = "summer";
        var expected = Enumerable.Range(0, Rows).Where(row => condition.Test(table, row)).ToArray();
        AgreeOnEveryPath(condition, table, expected, new Random(1), text);
    }

    [Fact]
    public void A_failing_part_no_row_reaches_is_never_asked()
    {
        var table = CustomerTable.Random(Rows, seed: 9).InternTexts();
        table.Season = "bad";
        var condition = CampaignCompiler.CompileCondition("frequency > 1000 and (season_fails() or bought(\"外套\"))", new SourceOrigin("test.yaml"), Hoisting(pure: true)).Value!;
        Assert.True(condition.MayHoldForAnyone(table));
        Assert.False(condition.Test(table, 0));
        AgreeOnEveryPath(condition, table, [], new Random(2), "an unreached failing part");
    }

    [Fact]
    public void A_function_not_declared_pure_is_asked_for_every_row_even_when_it_does_not_read_the_row()
    {
        var table = CustomerTable.Random(Rows, seed: 4);
        var condition = CampaignCompiler.CompileCondition("coin() and frequency >= 0", new SourceOrigin("test.yaml"), Hoisting(pure: true)).Value!;
        Assert.True(condition.MayHoldForAnyone(table));
        foreach (var filter in new[] { condition.Filter, condition.RowByRow! })
        {
            Coin.Reset();
            var rows = Enumerable.Range(0, 100).ToArray();
            var selected = new int[rows.Length];
            var passed = filter(table, rows, rows.Length, selected);
            // The coin alternates: asked once per row, it lets every other customer through; asked once, all or none.
            Assert.Equal(50, passed);
            Assert.Equal(100, Coin.Flips);
        }
    }

    [Fact]
    public void The_part_of_a_pure_call_that_reads_only_the_context_is_asked_once_per_block()
    {
        var table = CustomerTable.Random(Rows, seed: 6);
        var condition = CampaignCompiler.CompileCondition("member_column() and frequency >= 0", new SourceOrigin("test.yaml"), Hoisting(pure: true)).Value!;
        var reference = CampaignCompiler.CompileCondition("member_column() and frequency >= 0", new SourceOrigin("test.yaml"), Hoisting(pure: false)).Value!;
        var rows = Enumerable.Range(0, 1000).Select(i => i * 13 % Rows).ToArray(); // not ascending: row by row
        var selected = new int[rows.Length];
        MemberColumn.Reads = 0;
        var passed = condition.Filter(table, rows, rows.Length, selected);
        Assert.Equal(1, MemberColumn.Reads);
        Assert.Equal(rows.Where(row => table.IsMember[row]), selected[..passed]);
        MemberColumn.Reads = 0;
        reference.Filter(table, rows, rows.Length, selected);
        Assert.Equal(rows.Length, MemberColumn.Reads);
    }

    private static void AgreeOnEveryPath(CompiledCondition<CustomerTable> condition, CustomerTable table, int[] expected, Random random, string what)
    {
        Assert.True(expected.SequenceEqual(Enumerable.Range(0, Rows).Where(row => condition.Test(table, row))), $"per-row test disagrees for {what}");
        var whole = Enumerable.Range(0, Rows).ToArray();
        var third = whole.Where(_ => random.Next(3) == 0).ToArray();
        var scattered = whole.Where(_ => random.Next(20) == 0).ToArray();
        var shuffled = third.ToArray();
        random.Shuffle(shuffled);
        foreach (var rows in new[] { whole, third, Enumerable.Range(37, 1_111).ToArray() })
        {
            var selected = new int[rows.Length];
            var n = condition.Columnar!.Filter(table, rows, rows.Length, selected);
            Assert.True(rows.Where(r => Array.BinarySearch(expected, r) >= 0).SequenceEqual(selected[..n]), $"column plan disagrees for {what}");
        }

        foreach (var rows in new[] { whole, third, scattered, shuffled })
        {
            var passing = rows.Where(r => Array.BinarySearch(expected, r) >= 0).ToArray();
            var selected = new int[rows.Length];
            var n = condition.RowByRow!(table, rows, rows.Length, selected);
            Assert.True(passing.SequenceEqual(selected[..n]), $"row-by-row filter disagrees for {what}");
            var inPlace = rows.ToArray();
            n = condition.Filter(table, inPlace, inPlace.Length, inPlace);
            Assert.True(passing.SequenceEqual(inPlace[..n]), $"filter disagrees for {what}");
        }
    }

    private static string Condition(Random random, int depth)
    {
        var pick = depth == 0 ? random.Next(2) : random.Next(6);
        return pick switch
        {
            0 => RowParts[random.Next(RowParts.Length)],
            1 => InvariantParts[random.Next(InvariantParts.Length)],
            2 or 3 => $"({Condition(random, depth - 1)}) {(random.Next(2) == 0 ? "and" : "or")} ({Condition(random, depth - 1)})",
            4 => $"not ({Condition(random, depth - 1)})",
            _ => $"{Condition(random, depth - 1)} and {Condition(random, depth - 1)} and {Condition(random, depth - 1)}",
        };
    }

    /// <summary>
    /// The test schema with context-wide parts: <c>season_is</c> and <c>season_fails</c> declared pure or not, and
    /// <c>day_of_season</c> read from the context alone, or (without hoisting) through the row as well.
    /// </summary>
    private static FactSchema<CustomerTable> Hoisting(bool pure)
    {
        Expression<Func<CustomerTable, int, double>> day = pure ? (c, r) => c.DayOfSeason : (c, r) => c.DayOfSeason + c.Frequency[r] * 0;
        var fields = Compile.Schema.Fields.Append(FieldDefinition<CustomerTable>.Number("day_of_season", "days into the season, the same for everyone", day));
        FunctionDefinition<CustomerTable>[] functions =
        [
            new("season_is", DslType.Bool, "the table's season", [new("season", DslType.Text)], [],
                (context, _, args) => Expression.Call(typeof(InvariantHoistingTests), nameof(SeasonIs), null, context, args[0])) { Pure = pure },
            new("season_fails", DslType.Bool, "throws in the season 'bad'", [], [],
                (context, _, _) => Expression.Call(typeof(InvariantHoistingTests), nameof(SeasonFails), null, context)) { Pure = pure },
            new("coin", DslType.Bool, "alternates at every call: not pure", [], [],
                (_, _, _) => Expression.Call(typeof(Coin), nameof(Coin.Flip), null)),
            new("member_column", DslType.Bool, "is_member through a counted column lookup", [], [],
                (context, row, _) => Expression.ArrayIndex(Expression.Call(typeof(MemberColumn), nameof(MemberColumn.Of), null, context), row)) { Pure = pure },
        ];
        return new(fields, Compile.Schema.Functions.Concat(functions));
    }

    private static bool SeasonIs(CustomerTable table, string? season) => table.Season == season;

    private static bool SeasonFails(CustomerTable table)
        => table.Season == "bad" ? throw new InvalidOperationException("no season called bad") : table.Season.Length > 0;

    private static class Coin
    {
        [ThreadStatic]
        private static int flips;

        public static int Flips => flips;

        public static void Reset() => flips = 0;

        public static bool Flip() => flips++ % 2 == 0;
    }

    private static class MemberColumn
    {
        [ThreadStatic]
        private static int reads;

        public static int Reads { get => reads; set => reads = value; }

        public static bool[] Of(CustomerTable table)
        {
            reads++;
            return table.IsMember;
        }
    }
}
