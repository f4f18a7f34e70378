using CampaignEngine.Orders;
using CampaignEngine.Orders.Ingest;
using CampaignEngine.SampleShop;

namespace CampaignEngine.Facts.Tests;

/// <summary>A sample shop written by the generator with a fixed seed and loaded as a user's export is; built once per test run.</summary>
internal static class GeneratedShop
{
    private static readonly Lazy<OrderHistory> LazyHistory = new(() =>
    {
        using var shop = new TempShop();
        SampleShopGenerator.Write(new SampleShopOptions { Customers = 600, Seed = 20261123 }, shop.Path);
        var result = OrderHistory.Load(IngestRequest.FromDirectory(shop.Path, rejectsPath: null));
        return result.History ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    });

    public static OrderHistory History => LazyHistory.Value;
}
