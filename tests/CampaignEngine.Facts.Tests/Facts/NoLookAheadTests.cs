namespace CampaignEngine.Facts.Tests.Facts;

/// <summary>Facts as of a moment depend only on orders paid, and events, before it.</summary>
public sealed class NoLookAheadTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Adding_or_removing_orders_after_the_moment_changes_no_fact(int seed)
    {
        var random = new Random(seed);
        const int customers = 60;
        var orders = RandomShop.Orders(random, customers, 400, 400);
        var moment = RandomShop.Start.AddDays(200).AddHours(random.Next(24));

        // Keep every order paid before the moment (with its later logistics), drop a random half of the
        // later ones, and add new later orders, some of them on the moment itself.
        var altered = orders.Where(o => o.PaidAt < moment || random.Next(2) == 0).ToList();
        altered.AddRange(Enumerable.Range(0, 150).Select(i =>
            RandomShop.Order(random, $"late{i}", $"c{random.Next(customers)}", i < 10 ? moment : moment.AddSeconds(random.NextInt64(200 * 86400L)))));
        Assert.NotEqual(orders.Count(o => o.PaidAt >= moment), altered.Count(o => o.PaidAt >= moment));

        var original = FactTable.AsOf(RandomShop.Build(customers, orders), moment);
        var changed = FactTable.AsOf(RandomShop.Build(customers, altered), moment);

        for (var row = 0; row < customers; row++)
        {
            Assert.Equal(SchemaProbe.Row(original, row), SchemaProbe.Row(changed, row));
            foreach (var category in new[] { "外套", "鞋靴", "配饰" })
            {
                Assert.Equal(SchemaProbe.Call(original, row, "bought", category), SchemaProbe.Call(changed, row, "bought", category));
            }
        }

        Assert.Contains(Enumerable.Range(0, customers), row => original.Frequency[row] > 2);
    }
}
