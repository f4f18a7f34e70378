using BenchmarkDotNet.Attributes;
using CampaignEngine.Evaluation;
using CampaignEngine.Reports;

namespace Benchmarks;

/// <summary>
/// The dry-run's report alone, on one thread: <see cref="ReportBuilder.Add"/> for a million decisions
/// shaped like the year of the ten tactics (a quarter sends, the rest held back; runs of one campaign and
/// moment; customer ids and quoted Chinese texts as in sends.csv), with sends.csv written to a temporary
/// folder as `--details sends` does. The year at 1M customers reports 107M such decisions (issue 7).
/// Run: dotnet run -c Release --project tests/Benchmarks -- --filter '*ReportBenchmark*' --job short
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmark
{
    private const int Customers = 100_000;
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateOnly From = new(2024, 12, 1);
    private Decision[] decisions = null!;
    private string folder = null!;

    /// <summary>sends.csv written (true) or not (the tallies and outcomes alone).</summary>
    [Params(true, false)]
    public bool Csv { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        folder = Path.Combine(Path.GetTempPath(), "report-bench-" + Environment.ProcessId);
        string[] campaigns = ["logistics-shipped", "logistics-arrived", "vip-early-access", "preference-targeting"];
        string[] names = ["李娟静", "陈军斌", "王杰", "杨颖"];
        var capped = new Suppression("frequency_cap", "global_cap", "global cap: max 3 per 30d");
        var holdout = new Suppression("holdout", "holdout", "in the campaign's holdout");
        var start = new DateTimeOffset(2024, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
        decisions = new Decision[1_000_000];
        for (var i = 0; i < decisions.Length; i++)
        {
            // About a hundred decisions per moment and campaign, moments an hour apart over the year.
            var moment = start.AddHours(i / 114);
            var campaign = campaigns[i / 114 % campaigns.Length];
            var row = (int)((i * 7919L) % Customers);
            var customer = row % 3 == 0 ? $"小白{row:D9}" : $"lucky{row:D9}";
            var text = $"{names[row % names.Length]}您好,您的包裹已到达同城,今明两天就到,请注意接听快递电话哦~";
            Suppression? suppression = (i % 4) switch { 0 => null, 1 => holdout, _ => capped };
            decisions[i] = new Decision(campaign, "rule", customer, $"shipped:3241127{i:D10}", moment, moment, "wangwang", "tpl",
                new RenderedMessage(customer, text), 0, suppression) { CustomerRow = row };
        }
    }

    [Benchmark(Description = "report of 1M decisions, sends.csv written")]
    public int AddAndWriteSends()
    {
        using var csv = Csv ? ReportCsv.In(folder, sends: true, suppressed: false) : null;
        var builder = new ReportBuilder(From, From.AddDays(364), 7, Shanghai, [new CampaignInfo("logistics-shipped", "物流关怀", null, null)],
            (row, _) => new PurchaseOutcome(row % 5 == 0, row % 5 == 0 ? 12_300 : 0), _ => -1, csv);
        foreach (var d in decisions)
        {
            builder.Add(d);
        }

        return builder.SendCount;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, true);
        }
    }
}
