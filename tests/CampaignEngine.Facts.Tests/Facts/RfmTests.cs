using CampaignEngine.Orders;

namespace CampaignEngine.Facts.Tests.Facts;

public sealed class RfmTests
{
    private static readonly DateOnly AsOf = new(2024, 6, 1);

    [Fact]
    public void Monetary_scores_are_quintiles_over_customers_with_orders()
    {
        var builder = new OrderHistoryBuilder();
        for (var i = 1; i <= 10; i++)
        {
            builder.Order($"o{i}", $"c{i}", new DateTime(2024, 5, 1), i * 10m);
        }

        builder.Customer("no-orders");
        var h = builder.Build();
        var t = FactTable.AsOf(h, AsOf);

        var m = Enumerable.Range(1, 10).Select(i => SchemaProbe.Number(t, h.FindCustomer($"c{i}"), "rfm_m")).ToArray();
        Assert.Equal([1.0, 1, 2, 2, 3, 3, 4, 4, 5, 5], m);
        Assert.True(double.IsNaN(SchemaProbe.Number(t, h.FindCustomer("no-orders"), "rfm_m")), "not in the active base");
        Assert.Null(SchemaProbe.Read(t, h.FindCustomer("no-orders"), "rfm_segment"));
        // Everyone bought on the same day once: ties share the lowest score.
        Assert.All(Enumerable.Range(1, 10), i => Assert.Equal(1.0, SchemaProbe.Number(t, h.FindCustomer($"c{i}"), "rfm_r")));
        Assert.All(Enumerable.Range(1, 10), i => Assert.Equal(1.0, SchemaProbe.Number(t, h.FindCustomer($"c{i}"), "rfm_f")));
    }

    [Fact]
    public void Segments_follow_high_and_low_r_f_m()
    {
        // Ten customers (worked out in docs/facts.md style): M cuts 2/4/6/500, R cuts whale/filler/filler/champion days.
        var b = new OrderHistoryBuilder();
        var orderNo = 0;
        void Orders(string customer, int count, DateTime last, decimal each)
        {
            for (var i = 0; i < count; i++)
            {
                b.Order($"o{orderNo++}", customer, last.AddDays(-10 * i), each);
            }
        }

        Orders("champion", 5, new DateTime(2024, 5, 30), 100m);   // recent, often, much
        Orders("sleeping-whale", 5, new DateTime(2023, 1, 1), 100m); // long ago, often, much
        Orders("new-big", 1, new DateTime(2024, 5, 31), 900m);    // recent, once, much
        Orders("lost-small", 1, new DateTime(2022, 1, 1), 1m);      // long ago, once, little
        Orders("recent-small", 1, new DateTime(2024, 5, 29), 2m);
        for (var i = 3; i <= 7; i++)
        {
            Orders($"filler{i}", 1, new DateTime(2023, 6, 1), i);
        }

        var h = b.Build();
        var t = FactTable.AsOf(h, AsOf);

        string? Segment(string c) => (string?)SchemaProbe.Read(t, h.FindCustomer(c), "rfm_segment");
        Assert.Equal("important_value", Segment("champion"));
        Assert.Equal("important_keep", Segment("sleeping-whale"));
        Assert.Equal("important_develop", Segment("new-big"));
        Assert.Equal("general_winback", Segment("lost-small"));
        Assert.Equal("重要价值客户", SchemaProbe.Read(t, h.FindCustomer("champion"), "rfm_segment_name"));
        Assert.Equal(true, SchemaProbe.Call(t, h.FindCustomer("champion"), "in_segment", "重要价值"));
        Assert.Equal(true, SchemaProbe.Call(t, h.FindCustomer("lost-small"), "in_segment", "general_winback", literal: false));
        var champion = h.FindCustomer("champion");
        Assert.Equal(SchemaProbe.Number(t, champion, "rfm_r") + SchemaProbe.Number(t, champion, "rfm_f") + SchemaProbe.Number(t, champion, "rfm_m"),
            SchemaProbe.Number(t, champion, "rfm_score"));
    }
}
