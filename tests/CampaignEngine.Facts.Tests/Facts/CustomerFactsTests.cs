using CampaignEngine.Orders;

namespace CampaignEngine.Facts.Tests.Facts;

public sealed class CustomerFactsTests
{
    private static readonly DateTime Jan1 = new(2024, 1, 1, 10, 0, 0);

    /// <summary>
    /// alice: paid 2024-01-01 (100, 外套), 01-11 (50, 2×配饰), 01-31 (30, 外套, shipped 02-01, arrived 02-03, signed 02-04),
    /// a refunded 02-05 order, and an order on 03-01 (after the date). bob: one order 02-01, shipped 02-02, never signed.
    /// carol: no orders. As of 2024-02-10 00:00.
    /// </summary>
    private static (OrderHistory History, FactTable Table) Shop()
    {
        var history = new OrderHistoryBuilder()
            .Customer("alice", new CustomerDetails(Name: "张三", Birthday: new DateOnly(1992, 2, 29), Level: "金卡", Region: "浙江", Tags: ["vip", "老客"]))
            .Customer("bob")
            .Customer("carol", new CustomerDetails(Birthday: new DateOnly(1900, 2, 12)))
            .Order("a1", "alice", Jan1, 100m, lines: new OrderLine("外套", "韩版", 1, 100m))
            .Order("a2", "alice", Jan1.AddDays(10), 50m, lines: new OrderLine("配饰", "简约", 2, 25m))
            .Order("a3", "alice", Jan1.AddDays(30), 30m, OrderStatus.Signed, Jan1.AddDays(31), Jan1.AddDays(33), Jan1.AddDays(34), new OrderLine("外套", "简约", 1, 30m))
            .Order("a4", "alice", Jan1.AddDays(35), 80m, OrderStatus.Refunded, lines: new OrderLine("鞋靴", "街头", 5, 16m))
            .Order("a5", "alice", new DateTime(2024, 3, 1), 999m, lines: new OrderLine("裤装", "街头", 9, 111m))
            .Order("b1", "bob", new DateTime(2024, 2, 1, 20, 0, 0), 60m, OrderStatus.Shipped, new DateTime(2024, 2, 2, 9, 0, 0))
            .Build();
        return (history, FactTable.AsOf(history, new DateOnly(2024, 2, 10)));
    }

    [Fact]
    public void Frequency_monetary_and_aov_count_paid_orders_before_the_date_only()
    {
        var (h, t) = Shop();
        var alice = h.FindCustomer("alice");

        Assert.Equal(3.0, SchemaProbe.Number(t, alice, "frequency"));
        Assert.Equal(180.0, SchemaProbe.Number(t, alice, "monetary"));
        Assert.Equal(60.0, SchemaProbe.Number(t, alice, "aov"));
        Assert.Equal(1.0, SchemaProbe.Number(t, alice, "refund_count"));
        Assert.Equal(30.0, SchemaProbe.Number(t, alice, "last_order_amount"));
        Assert.Equal(0.0, SchemaProbe.Number(t, h.FindCustomer("carol"), "frequency"));
        Assert.True(double.IsNaN(SchemaProbe.Number(t, h.FindCustomer("carol"), "aov")));
    }

    [Fact]
    public void Recency_and_purchase_cycle_are_in_days_between_order_days()
    {
        var (h, t) = Shop();
        var alice = h.FindCustomer("alice");

        Assert.Equal(10.0, SchemaProbe.Number(t, alice, "days_since_last"));   // 01-31 → 02-10
        Assert.Equal(40.0, SchemaProbe.Number(t, alice, "days_since_first"));
        Assert.Equal(15.0, SchemaProbe.Number(t, alice, "cycle"));             // gaps 10 and 20
        Assert.Equal(5.0, SchemaProbe.Number(t, alice, "cycle_stddev"));
        Assert.Equal(5.0, SchemaProbe.Number(t, alice, "days_until_due"));
        Assert.Equal(new DateOnly(2024, 1, 31).DayNumber, SchemaProbe.Read(t, alice, "last_order_date"));
        Assert.Equal(new DateOnly(2024, 1, 1).DayNumber, SchemaProbe.Read(t, alice, "first_order_date"));
        var bob = h.FindCustomer("bob");
        Assert.True(double.IsNaN(SchemaProbe.Number(t, bob, "cycle")), "one order day has no cycle");
        Assert.True(double.IsNaN(SchemaProbe.Number(t, bob, "days_until_due")));
        Assert.Equal(int.MinValue, SchemaProbe.Read(t, h.FindCustomer("carol"), "last_order_date"));
    }

    [Fact]
    public void Logistics_facts_follow_shipped_arrived_and_signed_events()
    {
        var (h, t) = Shop();
        var alice = h.FindCustomer("alice");
        var bob = h.FindCustomer("bob");

        Assert.Equal(9.0, SchemaProbe.Number(t, alice, "days_since_shipped"));
        Assert.Equal(7.0, SchemaProbe.Number(t, alice, "days_since_arrived"));
        Assert.Equal(6.0, SchemaProbe.Number(t, alice, "days_since_delivery"));
        Assert.Equal("signed", SchemaProbe.Read(t, alice, "last_order_stage"));
        Assert.Equal(false, SchemaProbe.Read(t, alice, "has_open_parcel"));
        Assert.Equal(true, SchemaProbe.Read(t, bob, "has_open_parcel"));
        Assert.Equal(8.0, SchemaProbe.Number(t, bob, "days_in_transit"));
        Assert.Equal("shipped", SchemaProbe.Read(t, bob, "last_order_stage"));
        Assert.Equal(new DateOnly(2024, 2, 2).DayNumber, SchemaProbe.Read(t, bob, "last_order_shipped_date"));
        Assert.Equal(int.MinValue, SchemaProbe.Read(t, bob, "last_order_signed_date"));
        Assert.True(double.IsNaN(SchemaProbe.Number(t, bob, "days_since_delivery")));
    }

    [Fact]
    public void A_parcel_signed_after_the_date_is_still_open_on_the_date()
    {
        var (h, _) = Shop();
        var t = FactTable.AsOf(h, new DateTime(2024, 2, 4, 10, 0, 0).AddSeconds(-1)); // signed at 02-04 10:00
        var alice = h.FindCustomer("alice");

        Assert.Equal(true, SchemaProbe.Read(t, alice, "has_open_parcel"));
        Assert.Equal("arrived", SchemaProbe.Read(t, alice, "last_order_stage"));
    }

    [Fact]
    public void Birthday_age_and_customer_details()
    {
        var (h, t) = Shop();
        var alice = h.FindCustomer("alice");
        var carol = h.FindCustomer("carol");

        Assert.Equal(19.0, SchemaProbe.Number(t, alice, "days_to_birthday")); // 2024 is a leap year: 02-29
        Assert.Equal(31.0, SchemaProbe.Number(t, alice, "age"));
        Assert.Equal(2.0, SchemaProbe.Number(t, carol, "days_to_birthday"));
        Assert.True(double.IsNaN(SchemaProbe.Number(t, carol, "age")), "year 1900 means the year is unknown");
        Assert.True(double.IsNaN(SchemaProbe.Number(t, h.FindCustomer("bob"), "days_to_birthday")));
        Assert.Equal("金卡", SchemaProbe.Read(t, alice, "level"));
        Assert.Equal("浙江", SchemaProbe.Read(t, alice, "region"));
        Assert.Equal("alice", SchemaProbe.Read(t, alice, "customer_id"));
        Assert.Null(SchemaProbe.Read(t, h.FindCustomer("bob"), "name"));
    }

    [Fact]
    public void A_feb_29_birthday_falls_on_feb_28_in_common_years()
    {
        var (h, _) = Shop();
        var t = FactTable.AsOf(h, new DateOnly(2025, 2, 20));

        Assert.Equal(8.0, SchemaProbe.Number(t, h.FindCustomer("alice"), "days_to_birthday"));
        Assert.Equal(33.0, SchemaProbe.Number(FactTable.AsOf(h, new DateOnly(2025, 2, 28)), h.FindCustomer("alice"), "age"));
        Assert.Equal(32.0, SchemaProbe.Number(FactTable.AsOf(h, new DateOnly(2025, 2, 27)), h.FindCustomer("alice"), "age"));
    }

    [Fact]
    public void Favorites_count_items_and_bought_ignores_refunds_and_later_orders()
    {
        var (h, t) = Shop();
        var alice = h.FindCustomer("alice");

        Assert.Equal("外套", SchemaProbe.Read(t, alice, "favorite_category")); // 外套 2 vs 配饰 2: tie → latest bought
        Assert.Equal("简约", SchemaProbe.Read(t, alice, "favorite_style"));    // 3 items
        Assert.Equal(true, SchemaProbe.Call(t, alice, "bought", "配饰"));
        Assert.Equal(false, SchemaProbe.Call(t, alice, "bought", "鞋靴"));     // refunded
        Assert.Equal(false, SchemaProbe.Call(t, alice, "bought", "裤装"));     // after the date
        Assert.Equal(false, SchemaProbe.Call(t, alice, "bought", "没有的类目"));
        Assert.Equal(true, SchemaProbe.Call(t, alice, "bought_style", "韩版"));
        Assert.Equal(true, SchemaProbe.Call(t, alice, "bought", "配饰", literal: false));
    }

    [Fact]
    public void Tagged_resolves_literal_and_computed_names()
    {
        var (h, t) = Shop();

        Assert.Equal(true, SchemaProbe.Call(t, h.FindCustomer("alice"), "tagged", "老客"));
        Assert.Equal(true, SchemaProbe.Call(t, h.FindCustomer("alice"), "tagged", "vip", literal: false));
        Assert.Equal(false, SchemaProbe.Call(t, h.FindCustomer("bob"), "tagged", "vip"));
        Assert.Equal(false, SchemaProbe.Call(t, h.FindCustomer("alice"), "tagged", "blacklist"));
        Assert.Equal("vip|老客", SchemaProbe.Read(t, h.FindCustomer("alice"), "tags"));
    }

    [Fact]
    public void Weekday_is_iso_monday_one()
    {
        var (h, t) = Shop(); // 2024-02-10 is a Saturday

        Assert.Equal(6.0, SchemaProbe.Number(t, 0, "weekday"));
        Assert.Equal(7.0, SchemaProbe.Number(FactTable.AsOf(h, new DateOnly(2024, 2, 11)), 0, "weekday"));
    }

    [Fact]
    public void Contact_facts_count_contacts_before_the_moment()
    {
        var (h, _) = Shop();
        var alice = h.FindCustomer("alice");
        var contacts = ContactHistory.From(h.CustomerCount,
        [
            (alice, new DateTime(2024, 1, 5, 10, 0, 0)),
            (alice, new DateTime(2024, 2, 1, 10, 0, 0)),
            (alice, new DateTime(2024, 2, 9, 21, 0, 0)),
            (alice, new DateTime(2024, 2, 10, 11, 0, 0)), // after 10:00 on the date
        ]);
        var t = FactTable.AsOf(h, new DateTime(2024, 2, 10, 10, 0, 0), contacts);

        Assert.Equal(1.0, SchemaProbe.Number(t, alice, "last_contact_days"));
        Assert.Equal(2.0, SchemaProbe.Call(t, alice, "contacts_in", 30.0));
        Assert.Equal(3.0, SchemaProbe.Call(t, alice, "contacts_in", 60.0));
        Assert.True(double.IsNaN(SchemaProbe.Number(t, h.FindCustomer("bob"), "last_contact_days")));
        Assert.Equal(0.0, SchemaProbe.Call(t, h.FindCustomer("bob"), "contacts_in", 30.0));
    }

    [Fact]
    public void Every_schema_entry_has_a_chinese_alias_and_a_description()
    {
        var schema = BuiltInFacts.Schema(Calendar.FestivalCalendar.Default);

        Assert.All(schema.Fields, f => Assert.True(f.Aliases.Count > 0 && f.Description.Length > 10, f.Name));
        Assert.All(schema.Functions, f => Assert.True(f.Aliases.Count > 0 && f.Description.Length > 10, f.Name));
        Assert.Equal(schema.Fields.Count, schema.Fields.Select(f => f.Name).Distinct().Count());
        var names = schema.Fields.SelectMany(f => f.Aliases).Concat(schema.Fields.Select(f => f.Name)).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
    }
}
