using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Dsl.Compilation.Columnar;
using CampaignEngine.Dsl.Tests.Support;

namespace CampaignEngine.Dsl.Tests;

/// <summary>
/// A block filter chooses between two evaluations: column at a time (SIMD kernels, for ascending selections
/// that are not too sparse) and row by row (any selection). Random conditions over random rows with missing values: both, the
/// public filter on dense and sparse selections, the per-row predicate, and the predicate compiled without text
/// ids must pick exactly the same customers.
/// </summary>
public class ColumnarEvaluationTests
{
    private const int Rows = 1_300; // two full chunks of 512 and a ragged one

    private static readonly string[] Numbers = ["frequency", "monetary", "days_since_last", "cycle", "aov", "days_to_birthday", "contacts_in(30d)"];
    private static readonly string[] NumberLiterals = ["0", "1", "1.5", "3", "7", "100", "500", "1000", "-2"];
    private static readonly string[] Texts = ["\"VIP\"", "\"vip\"", "\"金卡\"", "\"普通\"", "\"银卡\"", "\"钻石\"", "\"上海\""];

    [Fact]
    public void Column_at_a_time_row_by_row_and_per_row_tests_pick_the_same_customers()
    {
        var random = new Random(20261123);
        var table = TableWithGaps(random);
        var withIds = TestSchema.WithTextIds();
        var compiled = 0;
        for (var i = 0; i < 1_500; i++)
        {
            var text = Condition(random, depth: 3);
            var condition = CampaignCompiler.CompileCondition(text, new SourceOrigin("random.yaml"), withIds).Value;
            if (condition is null)
            {
                continue;
            }

            compiled++;
            var reference = CampaignCompiler.CompileCondition(text, new SourceOrigin("random.yaml"), Compile.Schema).Value!;
            var expected = Enumerable.Range(0, Rows).Where(row => reference.Test(table, row)).ToArray();
            Assert.True(expected.SequenceEqual(Enumerable.Range(0, Rows).Where(row => condition.Test(table, row))), $"text ids changed the answer of {text}");
            AgreeOnSelections(text, condition, table, expected, random);
        }

        // Most generated conditions must compile, or this test proves little.
        Assert.InRange(compiled, 1_000, 1_500);
    }

    [Theory]
    [InlineData("frequency >= 3 and days_since_last > cycle * 1.5 and monetary >= 500")]
    [InlineData("known(cycle) and days_since_last between cycle and cycle + 7")]
    [InlineData("days_to_birthday between 0 and 3 and not tagged(\"blacklist\")")]
    [InlineData("level in [\"金卡\", \"VIP\"] and monetary > 1000")]
    [InlineData("aov >= 200 or frequency >= 8")]
    [InlineData("not (cycle > 10) and level not in [\"普通\"] or monetary / frequency > 100")]
    public void Typical_rules_agree_on_every_path(string text)
    {
        var table = TableWithGaps(new Random(7));
        var condition = CampaignCompiler.CompileCondition(text, new SourceOrigin("typical.yaml"), TestSchema.WithTextIds()).Value!;
        var expected = Enumerable.Range(0, Rows).Where(row => condition.Test(table, row)).ToArray();
        Assert.NotEmpty(expected);
        AgreeOnSelections(text, condition, table, expected, new Random(11));
    }

    private static void AgreeOnSelections(string text, CompiledCondition<CustomerTable> condition, CustomerTable table, int[] expected, Random random)
    {
        // Runs of consecutive rows (the whole table, one starting mid-chunk, short ones), ascending selections
        // column at a time takes (one row in three), and ones it leaves to the row-by-row loop.
        var runs = new[] { (0, Rows), (37, 1_111), (5, 3), (700, 64) }.Select(r => Enumerable.Range(r.Item1, r.Item2).ToArray());
        var third = Enumerable.Range(0, Rows).Where(_ => random.Next(3) == 0).ToArray();
        var tail = Enumerable.Range(900, 400).Where(_ => random.Next(2) == 0).ToArray();
        var scattered = Enumerable.Range(0, Rows).Where(_ => random.Next(20) == 0).ToArray();
        Assert.True(ColumnarFilter<CustomerTable>.Takes(third, third.Length) && !ColumnarFilter<CustomerTable>.Takes(scattered, scattered.Length));
        foreach (var rows in runs.Concat([third, tail]))
        {
            var passing = rows.Where(row => Array.BinarySearch(expected, row) >= 0).ToArray();
            var selected = new int[rows.Length];
            var n = condition.Columnar!.Filter(table, rows, rows.Length, selected);
            Assert.True(passing.SequenceEqual(selected[..n]), $"column plan over {Show(rows)} disagrees for {text}");
            n = condition.RowByRow!(table, rows, rows.Length, selected);
            Assert.True(passing.SequenceEqual(selected[..n]), $"row-by-row filter over {Show(rows)} disagrees for {text}");
            var inPlace = rows.ToArray();
            n = condition.Filter(table, inPlace, inPlace.Length, inPlace);
            Assert.True(passing.SequenceEqual(inPlace[..n]), $"filter narrowing {Show(rows)} in place disagrees for {text}");
        }

        var shuffled = third.ToArray();
        random.Shuffle(shuffled);
        foreach (var rows in new[] { scattered, shuffled })
        {
            var selected = new int[rows.Length];
            var n = condition.Filter(table, rows, rows.Length, selected);
            Assert.True(rows.Where(row => Array.BinarySearch(expected, row) >= 0).SequenceEqual(selected[..n]), $"filter over {Show(rows)} disagrees for {text}");
        }
    }

    private static string Show(int[] rows) => $"{rows.Length} rows from {rows.FirstOrDefault()} to {rows.LastOrDefault()}";

    /// <summary>Random facts with missing values in every kind of column, numbers included.</summary>
    private static CustomerTable TableWithGaps(Random random)
    {
        var table = CustomerTable.Random(Rows, seed: random.Next());
        for (var row = 0; row < Rows; row++)
        {
            if (random.Next(9) == 0)
            {
                table.Frequency[row] = double.NaN;
            }

            if (random.Next(11) == 0)
            {
                table.Monetary[row] = double.NaN;
            }
        }

        return table.InternTexts();
    }

    private static string Condition(Random random, int depth)
    {
        var pick = depth == 0 ? random.Next(8) : random.Next(12);
        return pick switch
        {
            0 => $"{Number(random, 2)} {Comparison(random)} {Number(random, 2)}",
            1 => $"level {(random.Next(2) == 0 ? "=" : "!=")} {Texts[random.Next(Texts.Length)]}",
            2 => $"level {(random.Next(2) == 0 ? "in" : "not in")} [{string.Join(", ", Enumerable.Range(0, random.Next(4)).Select(_ => Texts[random.Next(Texts.Length)]))}]",
            3 => $"{Number(random, 1)} {(random.Next(2) == 0 ? "between" : "not between")} {Number(random, 1)} and {Number(random, 1)}",
            4 => $"{Number(random, 1)} {(random.Next(2) == 0 ? "in" : "not in")} [{string.Join(", ", Enumerable.Range(0, random.Next(4)).Select(_ => Number(random, 0)))}]",
            5 => $"known({random.Next(4) switch { 0 => "level", 1 => "last_order", 2 => "region", _ => Number(random, 1) }})",
            6 => random.Next(6) switch
            {
                0 => "is_member",
                1 => "tagged(\"vip\")",
                2 => "bought(\"外套\")",
                3 => $"last_order {Comparison(random)} 2026-06-01",
                4 => $"region {(random.Next(2) == 0 ? "=" : "!=")} {Texts[random.Next(Texts.Length)]}",
                _ => "level = region",
            },
            7 => random.Next(2) == 0 ? "true" : "false",
            8 or 9 => $"({Condition(random, depth - 1)}) {(random.Next(2) == 0 ? "and" : "or")} ({Condition(random, depth - 1)})",
            10 => $"not ({Condition(random, depth - 1)})",
            _ => $"{Condition(random, depth - 1)} and {Condition(random, depth - 1)} and {Condition(random, depth - 1)}",
        };
    }

    private static string Comparison(Random random) => new[] { "=", "!=", "<", "<=", ">", ">=" }[random.Next(6)];

    private static string Number(Random random, int depth)
    {
        var pick = depth == 0 ? random.Next(2) : random.Next(5);
        return pick switch
        {
            0 => Numbers[random.Next(Numbers.Length)],
            1 => NumberLiterals[random.Next(NumberLiterals.Length)],
            2 => $"({Number(random, depth - 1)} {"+-*/"[random.Next(4)]} {Number(random, depth - 1)})",
            3 => $"-{Number(random, depth - 1)}",
            _ => $"{Number(random, depth - 1)} / {(random.Next(2) == 0 ? "0" : Number(random, depth - 1))}",
        };
    }
}
