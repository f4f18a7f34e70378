using CampaignEngine.Orders;
using CampaignEngine.Orders.Ingest;

namespace CampaignEngine.Stats;

/// <summary>
/// A shop's data directory as the CLI reads it: DIR/orders.csv, DIR/customers.csv and DIR/mapping.yaml
/// when present; rejects go to DIR/rejects/rejects.csv unless another path is given (a read-only input
/// directory then only gives a warning). The default evaluation date is the day after the last event,
/// so every order counts.
/// </summary>
internal static class ShopData
{
    public static string DefaultRejectsPath(string directory) => Path.Combine(directory, "rejects", "rejects.csv");

    /// <summary>Loads the directory; errors are messages for the user (missing directory or file, not a CSV).</summary>
    public static (IngestResult? Result, string? Error) Load(string directory, string? rejectsPath)
    {
        if (!Directory.Exists(directory))
        {
            return (null, $"{directory}: data directory not found");
        }

        if (!File.Exists(Path.Combine(directory, "orders.csv")))
        {
            return (null, $"{Path.Combine(directory, "orders.csv")}: orders file not found (the data directory needs orders.csv; customers.csv and mapping.yaml are optional)");
        }

        var result = OrderHistory.Load(IngestRequest.FromDirectory(directory, rejectsPath ?? DefaultRejectsPath(directory)));
        return result.History is null ? (result, string.Join(Environment.NewLine, result.Errors)) : (result, null);
    }

    public static DateOnly DefaultAsOf(OrderHistory history)
    {
        var last = history.LastEventDay();
        return last == OrderHistory.NoDay ? new DateOnly(2000, 1, 1) : DateOnly.FromDayNumber(last + 1);
    }

    public static string Summary(IngestSummary s)
        => $"orders.csv: {s.OrderRowsLoaded} rows loaded ({s.OrdersLoaded} orders), {s.OrderRowsRejected} rejected, {s.OrderRowsSkippedByStatus} skipped (closed); "
           + $"customers.csv: {s.CustomerRowsLoaded} loaded, {s.CustomerRowsRejected} rejected; {s.CustomersWithoutDetails} customers only in orders"
           + (s.OrderRowsRejected + s.CustomerRowsRejected > 0 && s.RejectsPath is not null ? $"; rejects: {s.RejectsPath}" : "");
}
