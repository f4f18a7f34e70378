using System.Globalization;
using System.Text.Json;
using CampaignEngine.Cli;
using CampaignEngine.Evaluation.Tests.Support;

namespace CampaignEngine.Evaluation.Tests;

/// <summary><c>campaign explain</c> run in-process on the shipped campaigns and sample shop.</summary>
public sealed class ExplainCommandTests
{
    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CampaignCli.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A buyer from the CSV with its paid-order count (refunded and closed orders excluded) before a day.</summary>
    private static (string Id, int Frequency) RepeatBuyer(DateOnly before)
    {
        var orders = ExportRows.Read(Path.Combine(ShippedShop.DataDirectory, "orders.csv"))
            .Where(o => o["订单状态"] is not ("退款成功" or "交易关闭") && DateOnly.FromDateTime(ExportRows.Time(o["付款时间"])) < before)
            .GroupBy(o => o["订单编号"]).Select(g => g.First()["买家会员名"])
            .CountBy(id => id).Where(p => p.Value >= 3).OrderBy(p => p.Key, StringComparer.Ordinal).First();
        return (orders.Key, orders.Value);
    }

    [Fact]
    public void Explain_breaks_the_audience_and_rules_into_parts_with_values_and_shows_the_decision()
    {
        var (id, frequency) = RepeatBuyer(new DateOnly(2025, 6, 10));

        var (exit, output, error) = Run("explain", "--data", ShippedShop.DataDirectory, "--customer", id, "--at", "2025-06-10 10:00", "--campaign", "rfm-vip", ShippedShop.CampaignsDirectory);

        Assert.True(exit == 0, error);
        Assert.Contains($"customer {id} at 2025-06-10 10:00:00", output, StringComparison.Ordinal);
        Assert.Contains("campaign rfm-vip (RFM 会员分层关怀), priority 20: due", output, StringComparison.Ordinal);
        Assert.Contains($"audience: frequency >= 2 → {frequency} >= 2 ✓", output, StringComparison.Ordinal);
        Assert.Contains("rule winback (priority 10): lapsed_high_value and days_since_last > cycle * 1.5", output, StringComparison.Ordinal);
        Assert.Contains("      cycle * 1.5 = ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("campaign cycle-reminder", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_names_the_guard_that_stopped_the_send()
    {
        // A customer who opted out of everything, and whose rule fires: the RFM audience (frequency >= 2) and a rule for a lapsed buyer.
        var customers = ExportRows.Read(Path.Combine(ShippedShop.DataDirectory, "customers.csv")).Where(c => c["退订"] == "全部").Select(c => c["买家会员名"]).ToHashSet();
        var set = ShippedShop.Campaigns;
        var evaluator = new CampaignEvaluator(set.Campaigns, set.Config, ShippedShop.History, new State.InMemoryContactHistory());
        var moment = new DateTimeOffset(2025, 6, 10, 10, 0, 0, TimeSpan.FromHours(8));
        var optedOut = evaluator.Evaluate(moment).First(d => customers.Contains(d.CustomerId));

        var (exit, output, _) = Run("explain", "--data", ShippedShop.DataDirectory, "--customer", optedOut.CustomerId, "--at", "2025-06-10 10:00", ShippedShop.CampaignsDirectory);

        Assert.Equal(0, exit);
        Assert.Contains($"rule fired: {optedOut.Rule}", output, StringComparison.Ordinal);
        Assert.Contains("suppressed (2025-06-10) by opt_out: opted_out", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_as_json_carries_parts_and_decisions()
    {
        var (id, frequency) = RepeatBuyer(new DateOnly(2025, 6, 10));

        var (exit, output, _) = Run("explain", "--data", ShippedShop.DataDirectory, "--customer", id, "--at", "2025-06-10 10:00", "--json", ShippedShop.CampaignsDirectory);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var campaigns = json.RootElement.GetProperty("campaigns").EnumerateArray().ToList();
        // Every shipped campaign, in campaign priority order (then id).
        Assert.Equal(
            ["logistics-arrived", "logistics-shipped", "logistics-signed", "logistics-stalled", "vip-early-access", "birthday-surprise",
             "rfm-vip", "holiday-greetings", "preference-targeting", "review-invitation", "after-sales-care", "cycle-reminder"],
            campaigns.Select(c => c.GetProperty("campaign").GetString()));
        var audience = campaigns.Single(c => c.GetProperty("campaign").GetString() == "rfm-vip").GetProperty("audience");
        Assert.True(audience.GetProperty("result").GetBoolean());
        Assert.Equal(frequency.ToString(CultureInfo.InvariantCulture), audience.GetProperty("parts")[1].GetProperty("shown").GetString()!.Split(" = ")[1]);
    }

    [Fact]
    public void Explain_reports_mistakes_without_a_stack_trace()
    {
        var unknown = Run("explain", "--data", ShippedShop.DataDirectory, "--customer", "nobody-here", ShippedShop.CampaignsDirectory);
        Assert.Equal((1, true), (unknown.Exit, unknown.Error.Contains("customer 'nobody-here' is not in the data", StringComparison.Ordinal)));

        var badMoment = Run("explain", "--data", ShippedShop.DataDirectory, "--customer", "x", "--at", "tomorrow", ShippedShop.CampaignsDirectory);
        Assert.Equal(2, badMoment.Exit);
        Assert.Contains("--at 'tomorrow' is not a moment", badMoment.Error, StringComparison.Ordinal);

        var badCampaign = Run("explain", "--data", ShippedShop.DataDirectory, "--customer", "x", "--campaign", "nope", ShippedShop.CampaignsDirectory);
        Assert.Equal(1, badCampaign.Exit);
        Assert.Contains("--campaign 'nope' is not a campaign", badCampaign.Error, StringComparison.Ordinal);

        Assert.Equal(2, Run("explain", "--customer", "x").Exit); // --data is required
        Assert.DoesNotContain("   at ", unknown.Error + badMoment.Error + badCampaign.Error, StringComparison.Ordinal);
    }
}
