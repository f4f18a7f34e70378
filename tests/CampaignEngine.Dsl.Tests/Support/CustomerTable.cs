namespace CampaignEngine.Dsl.Tests.Support;

/// <summary>
/// A small column table like the engine's fact table: one array per fact, one row per customer,
/// NaN / null / int.MinValue for missing values and a bitset column for tags.
/// </summary>
internal sealed class CustomerTable(int rows)
{
    public static readonly string[] TagNames = ["vip", "blacklist", "老客", "wholesale"];
    public static readonly string[] Categories = ["外套", "shoes", "dress"];

    public int RowCount { get; } = rows;
    public double[] Frequency { get; } = new double[rows];
    public double[] Monetary { get; } = new double[rows];
    public double[] DaysSinceLast { get; } = new double[rows];
    public double[] Cycle { get; } = new double[rows];
    public double[] Aov { get; } = new double[rows];
    public double[] SinceFirst { get; } = new double[rows];
    public double[] DaysToBirthday { get; } = new double[rows];
    public string?[] Level { get; } = new string?[rows];
    /// <summary><see cref="Level"/> as interned ids, for <see cref="TestSchema.WithTextIds"/>; filled by <see cref="InternTexts"/>.</summary>
    public int[] LevelIds { get; private set; } = [];
    public string?[] Region { get; } = new string?[rows];
    public int[] LastOrder { get; } = new int[rows];
    public int[] PreferredTime { get; } = new int[rows];
    public bool[] IsMember { get; } = new bool[rows];
    public ulong[] Tags { get; } = new ulong[rows];
    public uint[] Bought { get; set; } = new uint[rows];
    public double[] LastContactDays { get; } = new double[rows];

    /// <summary>Values the same for every customer of the table (as the engine's evaluation date), for row-invariant parts.</summary>
    public string Season { get; set; } = "spring";

    public double DayOfSeason { get; set; }

    /// <summary>Interns the levels as they stand now (tests that change a level afterwards must intern again).</summary>
    public CustomerTable InternTexts()
    {
        LevelIds = TestSchema.Texts.IdsOf(Level);
        return this;
    }

    /// <summary>Rows with every kind of value, missing ones included, from a fixed seed.</summary>
    public static CustomerTable Random(int rows, int seed)
    {
        var random = new Random(seed);
        var table = new CustomerTable(rows);
        string?[] levels = ["普通", "银卡", "金卡", "VIP", "vip", null];
        string?[] regions = ["上海", "北京", "Hangzhou", null];
        for (var i = 0; i < rows; i++)
        {
            var frequency = random.Next(0, 8);
            table.Frequency[i] = frequency;
            table.Monetary[i] = random.Next(0, 200_000) / 100.0;
            table.DaysSinceLast[i] = frequency == 0 ? double.NaN : random.Next(0, 400);
            table.Cycle[i] = frequency < 2 ? double.NaN : random.Next(5, 120) + random.Next(0, 4) * 0.25;
            table.Aov[i] = frequency == 0 ? double.NaN : Math.Round(table.Monetary[i] / frequency, 2);
            table.SinceFirst[i] = frequency == 0 ? double.NaN : random.Next(0, 1000);
            table.DaysToBirthday[i] = random.Next(0, 5) == 0 ? double.NaN : random.Next(0, 366);
            table.Level[i] = levels[random.Next(levels.Length)];
            table.Region[i] = regions[random.Next(regions.Length)];
            table.LastOrder[i] = frequency == 0 ? int.MinValue : new DateOnly(2026, 1, 1).DayNumber + random.Next(0, 330);
            table.PreferredTime[i] = random.Next(0, 24 * 60);
            table.IsMember[i] = random.Next(2) == 0;
            table.Tags[i] = (ulong)random.Next(0, 16);
            table.Bought[i] = (uint)random.Next(0, 8);
            table.LastContactDays[i] = random.Next(0, 3) == 0 ? double.NaN : random.Next(0, 60);
        }

        return table;
    }
}
