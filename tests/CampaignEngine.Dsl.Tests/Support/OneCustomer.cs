namespace CampaignEngine.Dsl.Tests.Support;

/// <summary>A one-row table whose facts a test spells out: a repeat customer unless the test says otherwise.</summary>
internal static class OneCustomer
{
    public static CustomerTable With(Action<CustomerTable>? set = null)
    {
        var table = new CustomerTable(1);
        table.Frequency[0] = 3;
        table.Monetary[0] = 600;
        table.DaysSinceLast[0] = 40;
        table.Cycle[0] = 20;
        table.Aov[0] = 200;
        table.SinceFirst[0] = 14;
        table.DaysToBirthday[0] = 5;
        table.Level[0] = "VIP";
        table.Region[0] = "上海";
        table.LastOrder[0] = new DateOnly(2026, 11, 11).DayNumber;
        table.PreferredTime[0] = 21 * 60 + 30;
        table.IsMember[0] = true;
        table.Tags[0] = 0b0001; // vip
        table.Bought[0] = 0b001; // 外套
        table.LastContactDays[0] = 10;
        set?.Invoke(table);
        return table;
    }
}
