namespace CampaignEngine.Orders.Ingest;

/// <summary>
/// What to load: orders.csv (required), customers.csv and mapping.yaml (optional), and where to write the
/// rejects CSV (null: keep them in memory only, <see cref="IngestResult.Rejects"/>).
/// </summary>
public sealed record IngestRequest(string OrdersPath, string? CustomersPath = null, string? MappingPath = null, string? RejectsPath = null)
{
    /// <summary>
    /// Bytes per parallel range of orders.csv and customers.csv. Internal: tests force many tiny ranges (cuts inside quoted
    /// fields, orders split across ranges) or one range for the whole file, and compare the results.
    /// </summary>
    internal long RangeBytes { get; init; } = OrdersFile.DefaultRangeBytes;

    /// <summary>The layout of a data directory: DIR/orders.csv, DIR/customers.csv, DIR/mapping.yaml when present.</summary>
    public static IngestRequest FromDirectory(string directory, string? rejectsPath)
    {
        var customers = Path.Combine(directory, "customers.csv");
        var mapping = Path.Combine(directory, "mapping.yaml");
        return new IngestRequest(
            Path.Combine(directory, "orders.csv"),
            File.Exists(customers) ? customers : null,
            File.Exists(mapping) ? mapping : null,
            rejectsPath);
    }
}

/// <summary>Counts of what happened to every row, so nothing is dropped silently.</summary>
public sealed record IngestSummary
{
    public long OrderRowsRead { get; set; }
    public long OrderRowsLoaded { get; set; }
    public long OrderRowsRejected { get; set; }
    /// <summary>Rows of closed (交易关闭, never paid) orders: skipped by status, not errors.</summary>
    public long OrderRowsSkippedByStatus { get; set; }
    public long OrdersLoaded { get; set; }
    public long CustomerRowsRead { get; set; }
    public long CustomerRowsLoaded { get; set; }
    public long CustomerRowsRejected { get; set; }
    /// <summary>Customers named by an order but absent from customers.csv: created with unknown details.</summary>
    public long CustomersWithoutDetails { get; set; }
    public string OrdersEncoding { get; set; } = "";
    public string? CustomersEncoding { get; set; }
    public string? RejectsPath { get; set; }
}

/// <summary>
/// The loaded history (null when a file could not be read at all), the counts, the rejects, fatal errors,
/// and warnings that did not stop the load (the rejects file could not be written).
/// </summary>
public sealed record IngestResult(OrderHistory? History, IngestSummary Summary, IReadOnlyList<Reject> Rejects, IReadOnlyList<string> Errors)
{
    public bool Succeeded => History is not null && Errors.Count == 0;

    public IReadOnlyList<string> Warnings { get; init; } = [];
}
