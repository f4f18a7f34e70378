using System.Linq.Expressions;
using CampaignEngine.Dsl.Binding;

namespace Benchmarks.RuleBench;

/// <summary>
/// Synthetic customer facts in the engine's layout — one array per fact, one row per customer, NaN for
/// missing, tags as a bitset, text also as interned ids — and the same facts as one object per customer, the typed input
/// Microsoft RulesEngine wants. Fixed seed: both engines see identical values.
/// </summary>
public sealed class RuleBenchFacts
{
    private const ulong BlacklistBit = 1UL << 1;

    private static readonly TextIdPool Texts = new();

    private RuleBenchFacts(int rows) => RowCount = rows;

    public int RowCount { get; }
    public double[] Frequency { get; private init; } = [];
    public double[] Monetary { get; private init; } = [];
    public double[] Aov { get; private init; } = [];
    public double[] DaysSinceLast { get; private init; } = [];
    public double[] Cycle { get; private init; } = [];
    public double[] DaysToBirthday { get; private init; } = [];
    public string?[] Level { get; private init; } = [];
    public int[] LevelIds { get; private init; } = [];
    public ulong[] Tags { get; private init; } = [];

    public static RuleBenchFacts Generate(int rows, int seed)
    {
        var random = new Random(seed);
        string[] levels = ["普通", "银卡", "金卡", "VIP"];
        var facts = new RuleBenchFacts(rows)
        {
            Frequency = new double[rows], Monetary = new double[rows], Aov = new double[rows], DaysSinceLast = new double[rows],
            Cycle = new double[rows], DaysToBirthday = new double[rows], Level = new string?[rows], LevelIds = new int[rows], Tags = new ulong[rows],
        };
        for (var i = 0; i < rows; i++)
        {
            var frequency = random.Next(1, 12);
            facts.Frequency[i] = frequency;
            facts.Monetary[i] = random.Next(1_000, 500_000) / 100.0;
            facts.Aov[i] = Math.Round(facts.Monetary[i] / frequency, 2);
            facts.DaysSinceLast[i] = random.Next(0, 400);
            facts.Cycle[i] = frequency < 2 ? double.NaN : random.Next(7, 120);
            facts.DaysToBirthday[i] = random.Next(0, 5) == 0 ? double.NaN : random.Next(0, 366);
            facts.Level[i] = levels[random.Next(levels.Length)];
            facts.LevelIds[i] = Texts.IdOf(facts.Level[i]);
            facts.Tags[i] = random.Next(10) == 0 ? BlacklistBit : 0;
        }

        return facts;
    }

    public RuleBenchCustomer Customer(int row) => new()
    {
        Frequency = Frequency[row], Monetary = Monetary[row], Aov = Aov[row], DaysSinceLast = DaysSinceLast[row],
        Cycle = Cycle[row], DaysToBirthday = DaysToBirthday[row], Level = Level[row], Blacklisted = (Tags[row] & BlacklistBit) != 0,
    };

    public static FactSchema<RuleBenchFacts> Schema()
    {
        FieldDefinition<RuleBenchFacts>[] fields =
        [
            FieldDefinition<RuleBenchFacts>.Number("frequency", "paid orders", (f, r) => f.Frequency[r], "购买次数"),
            FieldDefinition<RuleBenchFacts>.Money("monetary", "total paid", (f, r) => f.Monetary[r], "消费金额"),
            FieldDefinition<RuleBenchFacts>.Money("aov", "average order value", (f, r) => f.Aov[r], "客单价"),
            FieldDefinition<RuleBenchFacts>.Number("days_since_last", "days since the last order", (f, r) => f.DaysSinceLast[r], "距上次购买天数"),
            FieldDefinition<RuleBenchFacts>.Number("cycle", "purchase cycle", (f, r) => f.Cycle[r], "购买周期"),
            FieldDefinition<RuleBenchFacts>.Number("days_to_birthday", "days to the birthday", (f, r) => f.DaysToBirthday[r]),
            FieldDefinition<RuleBenchFacts>.Text("level", "membership level", (f, r) => f.Level[r], "会员等级") with { Ids = new(f => f.LevelIds, Texts.IdOf) },
        ];
        FunctionDefinition<RuleBenchFacts>[] functions =
        [
            new("tagged", DslType.Bool, "has the tag", [new("tag", DslType.Text)], [], (context, row, args) =>
            {
                // Like the engine: a literal tag name becomes its bit once, at compile time.
                var bit = args[0] is ConstantExpression { Value: "blacklist" } ? BlacklistBit : 1UL << 63;
                var tags = Expression.ArrayIndex(Expression.Property(context, nameof(Tags)), row);
                return Expression.NotEqual(Expression.And(tags, Expression.Constant(bit)), Expression.Constant(0UL));
            }),
        ];
        return new FactSchema<RuleBenchFacts>(fields, functions);
    }
}

/// <summary>One customer's facts as an object: RulesEngine's typed input.</summary>
public sealed class RuleBenchCustomer
{
    public double Frequency { get; init; }
    public double Monetary { get; init; }
    public double Aov { get; init; }
    public double DaysSinceLast { get; init; }
    public double Cycle { get; init; }
    public double DaysToBirthday { get; init; }
    public string? Level { get; init; }
    public bool Blacklisted { get; init; }
}
