using CampaignEngine.Dsl.Binding;

namespace CampaignEngine.Campaigns.Tests.Support;

/// <summary>
/// A small fact context of the tests' own, so loader tests state their facts instead of depending on the
/// built-in ones; public because C# script facts compile against it.
/// </summary>
public sealed class TestCustomers
{
    public double[] Frequency { get; init; } = [];

    public double[] Monetary { get; init; } = [];

    public double[] DaysSinceLast { get; init; } = [];

    public double[] Cycle { get; init; } = [];

    public string?[] Level { get; init; } = [];

    public static FactSchema<TestCustomers> Schema { get; } = new(
    [
        FieldDefinition<TestCustomers>.Number("frequency", "paid orders", (c, row) => c.Frequency[row], "购买次数"),
        FieldDefinition<TestCustomers>.Money("monetary", "total paid", (c, row) => c.Monetary[row], "消费金额"),
        FieldDefinition<TestCustomers>.Number("days_since_last", "days since the last order", (c, row) => c.DaysSinceLast[row], "距上次购买天数"),
        FieldDefinition<TestCustomers>.Number("cycle", "purchase cycle", (c, row) => c.Cycle[row], "购买周期"),
        FieldDefinition<TestCustomers>.Text("level", "membership level", (c, row) => c.Level[row], "会员等级"),
    ], []);

    /// <summary>Three customers: a loyal big spender, a one-order customer (no cycle), a lapsed regular.</summary>
    public static TestCustomers Three { get; } = new()
    {
        Frequency = [8, 1, 4],
        Monetary = [2400, 80, 600],
        DaysSinceLast = [20, 200, 90],
        Cycle = [30, double.NaN, 40],
        Level = ["VIP", null, "金卡"],
    };
}
