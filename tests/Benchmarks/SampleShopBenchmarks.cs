using BenchmarkDotNet.Attributes;
using CampaignEngine.SampleShop;

namespace Benchmarks;

/// <summary>
/// How fast the sample shop is written, to a null stream (generation and CSV formatting, no disk).
/// Target: the 1M-customer / 10M-order shop the other benchmarks use in well under a minute, i.e.
/// 100,000 customers × 10 orders here in well under 6 s; memory flat (one customer at a time).
/// Run: dotnet run -c Release --project tests/Benchmarks -- --filter '*SampleShop*' --job short
/// </summary>
[MemoryDiagnoser]
public class SampleShopBenchmarks
{
    [Params(100_000)]
    public int Customers { get; set; }

    [Benchmark(Description = "realistic shop")]
    public SampleShopSummary Realistic()
        => SampleShopGenerator.Write(new SampleShopOptions { Customers = Customers, Seed = 1 }, Stream.Null, Stream.Null);

    [Benchmark(Description = "10 orders per customer")]
    public SampleShopSummary TenOrdersPerCustomer()
        => SampleShopGenerator.Write(new SampleShopOptions { Customers = Customers, Seed = 1, OrdersPerCustomer = 10 }, Stream.Null, Stream.Null);
}
