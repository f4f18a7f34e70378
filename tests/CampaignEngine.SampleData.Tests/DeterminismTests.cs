using CampaignEngine.SampleShop;

namespace CampaignEngine.SampleData.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public void The_same_seed_writes_byte_identical_files()
    {
        var first = Generate(new SampleShopOptions { Customers = 800, Seed = 7 });
        var second = Generate(new SampleShopOptions { Customers = 800, Seed = 7 });

        Assert.Equal(first.Orders, second.Orders);
        Assert.Equal(first.Customers, second.Customers);
    }

    [Fact]
    public void A_different_seed_writes_a_different_shop()
    {
        var first = Generate(new SampleShopOptions { Customers = 800, Seed = 7 });
        var second = Generate(new SampleShopOptions { Customers = 800, Seed = 8 });

        Assert.NotEqual(first.Orders, second.Orders);
        Assert.NotEqual(first.Customers, second.Customers);
    }

    [Fact]
    public void A_customer_does_not_depend_on_how_many_customers_are_generated()
    {
        var small = SampleExport.Parse(Generate(new SampleShopOptions { Customers = 100, Seed = 3 }).Customers).Rows;
        var large = SampleExport.Parse(Generate(new SampleShopOptions { Customers = 300, Seed = 3 }).Customers).Rows;

        Assert.Equal(small.Select(r => string.Join(',', r)), large.Take(100).Select(r => string.Join(',', r)));
    }

    [Fact]
    public void Files_start_with_a_utf8_byte_order_mark()
    {
        var shop = Generate(new SampleShopOptions { Customers = 10, Seed = 1 });

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, shop.Orders[..3]);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, shop.Customers[..3]);
    }

    private static (byte[] Orders, byte[] Customers) Generate(SampleShopOptions options)
    {
        using var orders = new MemoryStream();
        using var customers = new MemoryStream();
        SampleShopGenerator.Write(options, orders, customers);
        return (orders.ToArray(), customers.ToArray());
    }
}
