using CampaignEngine.Reports;

namespace CampaignEngine.Simulation.Tests.Reports;

public sealed class ReportBuilderTests
{
    [Fact]
    public void Totals_and_breakdowns_count_the_decisions()
    {
        var report = SampleDecisions.Builder(SampleDecisions.All()).Build();

        Assert.Equal(new ReportTotals(4, 3, 20, 3, 1, 2), report.Totals);
        Assert.Equal(["care", "promo"], report.Campaigns.Select(c => c.Id));
        var promo = report.Campaigns[1];
        Assert.Equal((2, 2, 15L, 2, 1), (promo.Sends, promo.CustomersReached, promo.CostFen, promo.Suppressed, promo.HeldOut));
        Assert.Equal(3000, promo.BudgetFen);              // ¥10 a day × 3 days
        Assert.Equal(5, report.Campaigns[0].BudgetFen);   // total ¥0.05
        Assert.Equal([("sms", 3, 20L), ("wangwang", 1, 0L)], report.Channels.Select(c => (c.Channel, c.Sends, c.CostFen)));
        Assert.Equal([2, 1, 1], report.Days.Select(d => d.Sends));
        Assert.Equal([0, 1, 2], report.Days.Select(d => d.Suppressed));
        Assert.Equal(["frequency_cap/global_cap", "holdout/holdout", "opt_out/opted_out_sms"], report.Suppressed.Select(s => $"{s.Guard}/{s.ReasonCode}"));

        // Overall, only campaigns with a holdout count: promo sent alice (converted) and carol; dave (holdout) converted.
        Assert.Equal((2, 1, 12_300L), (report.Outcome.Sent.Messages, report.Outcome.Sent.Converted, report.Outcome.Sent.RevenueFen));
        Assert.Equal((2, 1), (report.Campaigns[0].Outcome.Sent.Messages, report.Campaigns[0].Outcome.Sent.Converted));
        Assert.Equal((1, 1), (report.Outcome.Holdout.Messages, report.Outcome.Holdout.Converted));
        Assert.Equal(OutcomeVerdict.TooFew, report.Outcome.Verdict);
        Assert.Equal(6150, report.Outcome.RevenuePerMessageFen);
    }

    [Fact]
    public void The_same_decisions_give_byte_identical_files_and_the_summary_ignores_their_order()
    {
        var first = Write(SampleDecisions.All());
        var second = Write(SampleDecisions.All());
        var reversed = SampleDecisions.All();
        reversed.Reverse();
        var third = Write(reversed);

        foreach (var file in new[] { "report.json", "sends.csv", "suppressed.csv", "report.html" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
        }

        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "report.json")), File.ReadAllBytes(Path.Combine(third, "report.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "report.html")), File.ReadAllBytes(Path.Combine(third, "report.html")));
        foreach (var folder in new[] { first, second, third })
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public void Csv_rows_are_quoted_and_in_decision_order()
    {
        var folder = Write(SampleDecisions.All());
        var lines = File.ReadAllText(Path.Combine(folder, "sends.csv")).Split('\n');

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(Path.Combine(folder, "sends.csv"))[..3]);
        Assert.StartsWith("day,send_at,campaign,rule,customer_id", lines[0], StringComparison.Ordinal);
        Assert.Equal("2026-03-01,2026-03-01T10:00:00+08:00,care,signed,alice,2026-03-01,wangwang,t,0,1,12300,\"您好,回T退订\"", lines[1]);
        Assert.Contains("\"含逗号,和\"\"引号\"\"的短信\"", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("2026-03-03,", lines[4], StringComparison.Ordinal);
        var suppressed = File.ReadAllText(Path.Combine(folder, "suppressed.csv")).Split('\n');
        Assert.Equal("2026-03-02,2026-03-02T10:00:00+08:00,promo,vip,dave,2026-03-02,sms,holdout,holdout,holdout: holdout,1,12300", suppressed[1]);
        Directory.Delete(folder, true);
    }

    [Fact]
    public void Report_json_reads_back_to_the_same_report()
    {
        var builder = SampleDecisions.Builder(SampleDecisions.All());
        var report = builder.Build();

        var json = ReportJson.Serialize(report);

        Assert.Contains("\"customers_reached\": 3", json, StringComparison.Ordinal);
        Assert.Contains("会员促销", json, StringComparison.Ordinal);
        Assert.Equal(json, ReportJson.Serialize(ReportJson.Deserialize(json)));
    }

    internal static string Write(IEnumerable<CampaignEngine.Evaluation.Decision> decisions)
    {
        var folder = Path.Combine(Path.GetTempPath(), "dryrun-report-" + Guid.NewGuid().ToString("N"));
        DryRunReport report;
        using (var csv = ReportCsv.In(folder))
        {
            report = SampleDecisions.Builder(decisions, csv).Build();
        }

        ReportWriter.Write(folder, report);
        return folder;
    }
}
