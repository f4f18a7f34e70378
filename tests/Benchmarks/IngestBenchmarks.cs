using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using CampaignEngine.Orders;
using CampaignEngine.Orders.Ingest;
using DuckDB.NET.Data;

namespace Benchmarks;

/// <summary>
/// Ingest of a generated 10M-line orders.csv: OrderHistory.Load (full validation, rejects, grouping and
/// sorting by customer and time) vs DuckDB read_csv_auto into a table. Target: rows/s ratio ≥ 1.0.
/// Also prints the retained memory of the history (target &lt; 1.5 GiB at 1M customers / 10M lines).
/// Run: dotnet run -c Release --project tests/Benchmarks -- --filter '*IngestBenchmarks*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private string _orders = "";

    [Params(10_000_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _orders = IngestShopFile.Orders(Lines, Lines / 10);
        var before = GC.GetTotalMemory(true);
        var watch = Stopwatch.StartNew();
        var result = OrderHistory.Load(new IngestRequest(_orders));
        watch.Stop();
        var after = GC.GetTotalMemory(true);
        Console.WriteLine($"// history: {result.History!.CustomerCount} customers, {result.History.OrderCount} orders, {result.History.LineCount} lines; "
            + $"retained {(after - before) / 1048576.0:F0} MiB (estimate {result.History.ApproximateBytes() / 1048576.0:F0} MiB); load {watch.Elapsed.TotalSeconds:F2} s; "
            + $"rejected {result.Summary.OrderRowsRejected}, skipped {result.Summary.OrderRowsSkippedByStatus}");
        GC.KeepAlive(result);
    }

    [Benchmark(Baseline = true, Description = "DuckDB read_csv_auto")]
    public long DuckDbReadCsvAuto()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE orders AS SELECT * FROM read_csv_auto('{_orders}'); SELECT count(*) FROM orders;";
        return (long)command.ExecuteScalar()!;
    }

    [Benchmark(Description = "OrderHistory.Load")]
    public int OrderHistoryLoad() => OrderHistory.Load(new IngestRequest(_orders)).History!.LineCount;
}
