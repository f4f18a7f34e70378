using BenchmarkDotNet.Attributes;
using CampaignEngine.Facts;
using CampaignEngine.Orders;
using CampaignEngine.Orders.Ingest;

namespace Benchmarks;

/// <summary>
/// The dry-run's daily step: advance a 1M-customer fact table by one day, recomputing only customers
/// with new orders or logistics events and re-scoring RFM. Target: ≤ 50 ms per day.
/// Run: dotnet run -c Release --project tests/Benchmarks -- --filter '*FactsDayStepBenchmarks*'
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 8)]
public class FactsDayStepBenchmarks
{
    private FactTable _table = null!;
    private DateOnly _date = new(2023, 7, 1);

    [Params(10_000_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var history = OrderHistory.Load(new IngestRequest(IngestShopFile.Orders(Lines, Lines / 10))).History!;
        _table = FactTable.AsOf(history, _date);
        foreach (var kind in Enum.GetValues<OrderEventKind>())
        {
            history.EventsOf(kind); // build the event indexes outside the measurement
        }
    }

    [Benchmark(Description = "FactTable.AdvanceTo(next day)")]
    public int AdvanceOneDay()
    {
        _date = _date.AddDays(1);
        _table.AdvanceTo(_date);
        return _table.RowCount;
    }
}
