using CampaignEngine.Orders;
using CampaignEngine.Orders.Ingest;
using CampaignEngine.Stats;

namespace CampaignEngine.Facts.Tests.Ingest;

/// <summary>The shipped sample shop (campaigns/data, written by the sample-shop generator) loads cleanly.</summary>
public sealed class SampleShopIngestTests
{
    private static string SampleData([System.Runtime.CompilerServices.CallerFilePath] string here = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "campaigns", "data"));

    [Fact]
    public void The_shipped_sample_shop_loads_without_rejects_and_every_order_row_is_accounted_for()
    {
        var directory = SampleData();
        var result = OrderHistory.Load(IngestRequest.FromDirectory(directory, rejectsPath: null));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var s = result.Summary;
        Assert.Empty(result.Rejects);
        Assert.Equal(0, s.CustomersWithoutDetails);
        Assert.Equal(File.ReadLines(Path.Combine(directory, "orders.csv")).Count() - 1, s.OrderRowsLoaded + s.OrderRowsSkippedByStatus);
        var figures = ShopFigures.Compute(FactTable.AsOf(result.History!, ShopData.DefaultAsOf(result.History!)));
        Assert.InRange(figures.RepeatPurchaseRate, 0.05, 0.9);
        Assert.InRange(figures.RepeatRevenueShare, 0.01, 0.95);
    }
}
