using CampaignEngine.Calendar;
using CampaignEngine.Campaigns;
using CampaignEngine.Facts;
using CampaignEngine.Orders;
using CampaignEngine.Orders.Ingest;

namespace CampaignEngine.Evaluation.Tests.Support;

/// <summary>The shipped sample shop (campaigns/data) and campaigns, loaded once for the tests that read it.</summary>
internal static class ShippedShop
{
    private static readonly Lazy<OrderHistory> LazyHistory = new(() =>
    {
        var rejects = Path.Combine(Path.GetTempPath(), "ce-eval-rejects-" + Environment.ProcessId + ".csv");
        var result = OrderHistory.Load(IngestRequest.FromDirectory(DataDirectory, rejects));
        return result.History ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    });

    private static readonly Lazy<CampaignSet<FactTable>> LazyCampaigns = new(() => CampaignLoader.Load(CampaignsDirectory, BuiltInFacts.Schema(FestivalCalendar.Default)));

    public static string Root { get; } = FindRoot();

    public static string CampaignsDirectory => Path.Combine(Root, "campaigns");

    public static string DataDirectory => Path.Combine(CampaignsDirectory, "data");

    public static OrderHistory History => LazyHistory.Value;

    public static CampaignSet<FactTable> Campaigns => LazyCampaigns.Value;

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CampaignEngine.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CampaignEngine.sln not found above " + AppContext.BaseDirectory);
    }
}
