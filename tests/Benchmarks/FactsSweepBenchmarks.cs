using BenchmarkDotNet.Attributes;
using CampaignEngine.Facts;
using CampaignEngine.Orders;
using CampaignEngine.Orders.Ingest;

namespace Benchmarks;

/// <summary>
/// The dry-run's fact steps as it takes them (issue 7): the fact table moves to each midnight and then
/// hour by hour (the event sweeps), 8,760 steps a year over 1M customers / 10M orders. Measures one
/// midnight step (23:00 → next day 00:00: the last hour's events and the day's RFM cut points), one
/// hourly step (mean of the 23 steps 01:00 … 23:00 of a day) and a whole day (midnight + 23 hours).
/// Targets: hourly ≤ 0.5 ms, midnight ≤ 15 ms, so that a year's facts cost ≤ 10 s.
/// The shop is $DRYRUN_SHOP (default /tmp/shop-1m, as DryRunBenchmark), else the generated 10M-line file.
/// Each iteration is one day further on (the table only moves forward), starting a year before the
/// history's last event. Run: dotnet run -c Release --project tests/Benchmarks -- --filter '*FactsSweep*' --job short
/// </summary>
public class FactsSweepBenchmarks
{
    private const int HoursAfterMidnight = 23;
    private FactTable _table = null!;
    private DateOnly _date;

    [GlobalSetup]
    public void Setup()
    {
        var folder = Environment.GetEnvironmentVariable("DRYRUN_SHOP") ?? Path.Combine(Path.GetTempPath(), "shop-1m");
        var request = File.Exists(Path.Combine(folder, "orders.csv"))
            ? IngestRequest.FromDirectory(folder, Path.Combine(Path.GetTempPath(), "facts-sweep-rejects.csv"))
            : new IngestRequest(IngestShopFile.Orders(10_000_000, 1_000_000));
        var history = OrderHistory.Load(request).History!;
        _date = DateOnly.FromDayNumber(history.LastEventDay()).AddDays(-365);
        _table = FactTable.AsOf(history, _date);
        _table.AdvanceTo(_date, 3600); // builds the event and RFM indexes outside the measurement
        ToEndOfDay();
    }

    [IterationSetup(Target = nameof(MidnightStep))]
    public void ToEndOfDay()
    {
        for (var hour = (_table.Second / 3600) + 1; hour <= HoursAfterMidnight; hour++)
        {
            _table.AdvanceTo(_date, hour * 3600);
        }
    }

    [IterationSetup(Target = nameof(HourlyStep))]
    public void ToNextMidnight()
    {
        ToEndOfDay();
        NextDay();
    }

    [Benchmark(Description = "AdvanceTo(next day 00:00) from 23:00")]
    public int MidnightStep()
    {
        NextDay();
        return _table.RowCount;
    }

    [Benchmark(OperationsPerInvoke = HoursAfterMidnight, Description = "AdvanceTo(+1 h) within a day")]
    public int HourlyStep()
    {
        for (var hour = 1; hour <= HoursAfterMidnight; hour++)
        {
            _table.AdvanceTo(_date, hour * 3600);
        }

        return _table.RowCount;
    }

    [Benchmark(Description = "a day: midnight + 23 hourly steps")]
    public int Day()
    {
        NextDay(); // every invocation ends at 23:00, as the global setup does
        for (var hour = 1; hour <= HoursAfterMidnight; hour++)
        {
            _table.AdvanceTo(_date, hour * 3600);
        }

        return _table.RowCount;
    }

    private void NextDay()
    {
        _date = _date.AddDays(1);
        _table.AdvanceTo(_date, 0);
    }
}
