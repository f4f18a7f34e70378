using CampaignEngine.SampleShop;

namespace CampaignEngine.SampleData.Tests;

public sealed class BenchmarkModeTests
{
    [Fact]
    public void Orders_per_customer_sets_the_mean_number_of_orders()
    {
        var shop = SampleExport.Generate(new SampleShopOptions { Customers = 2000, Seed = 5, OrdersPerCustomer = 10 });

        var mean = shop.Summary.Orders / (double)shop.Summary.Customers;

        Assert.InRange(mean, 9.7, 10.3);
        Assert.Equal(shop.DistinctOrders.Count(), shop.Summary.Orders);
    }

    [Fact]
    public void A_custom_period_bounds_every_event()
    {
        var options = new SampleShopOptions { Customers = 300, Seed = 9, Start = new DateOnly(2024, 1, 1), End = new DateOnly(2024, 3, 31) };
        var shop = SampleExport.Generate(options);

        Assert.All(shop.Orders, o =>
        {
            Assert.All(new[] { o.Paid, o.Shipped, o.Arrived, o.Signed }.OfType<DateTime>(),
                e => Assert.InRange(e, new DateTime(2024, 1, 1), new DateTime(2024, 3, 31, 23, 59, 59)));
        });
    }

    [Theory]
    [InlineData(0, null, "2023-12-01", "2025-11-30", "customers")]
    [InlineData(10, null, "2025-11-30", "2023-12-01", "too short")]
    [InlineData(10, 0.5, "2023-12-01", "2025-11-30", "orders per customer")]
    [InlineData(10, null, "1850-01-01", "2025-11-30", "1902..2099")]
    public void Invalid_options_are_reported_and_refused(int customers, double? ordersPerCustomer, string start, string end, string expected)
    {
        var options = new SampleShopOptions { Customers = customers, OrdersPerCustomer = ordersPerCustomer, Start = DateOnly.Parse(start), End = DateOnly.Parse(end) };

        Assert.Contains(options.Validate(), p => p.Contains(expected));
        Assert.Throws<ArgumentException>(() => SampleShopGenerator.Write(options, Stream.Null, Stream.Null));
    }
}
