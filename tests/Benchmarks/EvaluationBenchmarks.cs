using BenchmarkDotNet.Attributes;
using CampaignEngine.Calendar;
using CampaignEngine.Campaigns;
using CampaignEngine.Evaluation;
using CampaignEngine.Facts;
using CampaignEngine.Orders;
using CampaignEngine.Orders.Ingest;
using CampaignEngine.SampleShop;
using CampaignEngine.State;

namespace Benchmarks;

/// <summary>
/// The evaluator over a generated shop with the shipped campaigns (campaigns/*.yaml): 30 daily runs at
/// 10:00 — facts computed once, then advanced a day at a time, audience and rules as block filters,
/// guards and rendering only for customers whose rule fires. Target (DESIGN.md): a 365-day dry-run of
/// the ten tactics over 1M customers in under 60 s, i.e. well under 0.16 s per day per 1M customers.
/// Run: dotnet run -c Release --project tests/Benchmarks -- --filter 'Benchmarks.EvaluationBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private OrderHistory history = null!;
    private CampaignSet<FactTable> campaigns = null!;

    [Params(100_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ce-bench-eval-" + Customers);
        Directory.CreateDirectory(folder);
        using (var orders = File.Create(Path.Combine(folder, "orders.csv")))
        using (var customers = File.Create(Path.Combine(folder, "customers.csv")))
        {
            SampleShopGenerator.Write(new SampleShopOptions { Customers = Customers, Seed = 1 }, orders, customers);
        }

        history = OrderHistory.Load(IngestRequest.FromDirectory(folder, Path.Combine(folder, "rejects.csv"))).History!;
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "CampaignEngine.sln")))
        {
            root = root.Parent!;
        }

        campaigns = CampaignLoader.Load(Path.Combine(root.FullName, "campaigns"), BuiltInFacts.Schema(FestivalCalendar.Default));
    }

    [Benchmark(Description = "30 daily runs")]
    public int ThirtyDays()
    {
        var evaluator = new CampaignEvaluator(campaigns.Campaigns, campaigns.Config, history, new InMemoryContactHistory());
        var count = 0;
        var start = new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));
        for (var day = 0; day < 30; day++)
        {
            evaluator.Evaluate(start.AddDays(day), _ => count++);
        }

        return count;
    }

    /// <summary>The same 30 days without campaigns: the part of the above that is the facts' own day step.</summary>
    [Benchmark(Description = "30 days of facts only", Baseline = true)]
    public int ThirtyDaysOfFactsOnly()
    {
        var evaluator = new CampaignEvaluator([], campaigns.Config, history, new InMemoryContactHistory());
        var start = new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));
        for (var day = 0; day < 30; day++)
        {
            evaluator.Evaluate(start.AddDays(day), _ => { });
        }

        return evaluator.Facts!.RowCount;
    }
}
