using CampaignEngine.SampleShop;

namespace CampaignEngine.SampleData.Tests;

/// <summary>
/// The realistic shop's figures, computed here from the CSV read back, fall in the ranges of a small
/// Taobao apparel shop (the seeds' example shop had a 13% repeat revenue share).
/// </summary>
public sealed class ShopRealismTests
{
    private static readonly SampleExport Shop = SampleExport.Generate(new SampleShopOptions { Customers = 5000, Seed = 42 });

    [Fact]
    public void Most_buying_customers_buy_once()
    {
        var ordersPerCustomer = Shop.DistinctOrders.Where(o => o.Counts).GroupBy(o => o.Customer).Select(g => g.Count()).ToList();
        var oneOrderShare = ordersPerCustomer.Count(n => n == 1) / (double)ordersPerCustomer.Count;

        Assert.InRange(oneOrderShare, 0.65, 0.88);
        Assert.Contains(ordersPerCustomer, n => n >= 4);
    }

    [Fact]
    public void Repeat_orders_bring_between_13_and_30_percent_of_revenue()
    {
        var counted = Shop.DistinctOrders.Where(o => o.Counts).OrderBy(o => o.Paid).ToList();
        var repeatRevenue = counted.GroupBy(o => o.Customer).SelectMany(g => g.Skip(1)).Sum(o => o.Amount);
        var share = (double)(repeatRevenue / counted.Sum(o => o.Amount));

        Assert.InRange(share, 0.13, 0.30);
        Assert.Equal(share, Shop.Summary.RepeatRevenueShare, 6);
    }

    [Fact]
    public void About_five_percent_of_paid_orders_are_refunded_and_some_are_never_paid()
    {
        var orders = Shop.DistinctOrders.ToList();
        var paid = orders.Where(o => o.Paid is not null).ToList();
        var refundShare = paid.Count(o => o.Status == "退款成功") / (double)paid.Count;
        var closedShare = orders.Count(o => o.Status == "交易关闭") / (double)orders.Count;

        Assert.InRange(refundShare, 0.03, 0.07);
        Assert.InRange(closedShare, 0.02, 0.06);
    }

    [Fact]
    public void Double_11_is_the_busiest_day_of_the_year_by_far()
    {
        var perDay = Shop.DistinctOrders.Where(o => o.Paid is not null).GroupBy(o => DateOnly.FromDateTime(o.Paid!.Value)).ToDictionary(g => g.Key, g => g.Count());
        var averageDay = perDay.Values.Sum() / (double)(Shop.Options.End.DayNumber - Shop.Options.Start.DayNumber + 1);

        foreach (var year in new[] { 2024, 2025 })
        {
            var double11 = perDay.GetValueOrDefault(new DateOnly(year, 11, 11));
            Assert.True(double11 >= 5 * averageDay, $"Double 11 {year}: {double11} orders against {averageDay:F1} on an average day");
            Assert.Equal(double11, perDay.Where(p => p.Key.Year == year).Max(p => p.Value));
            Assert.True(perDay.GetValueOrDefault(new DateOnly(year, 6, 18)) >= 2 * averageDay, $"618 {year} shows no peak");
        }
    }

    [Fact]
    public void Repeat_customers_come_back_on_personal_cycles_of_weeks_to_months()
    {
        var gaps = Shop.DistinctOrders.Where(o => o.Counts).GroupBy(o => o.Customer)
            .SelectMany(g => g.OrderBy(o => o.Paid).Zip(g.OrderBy(o => o.Paid).Skip(1), (a, b) => (b.Paid!.Value - a.Paid!.Value).TotalDays))
            .Order().ToList();
        var median = gaps[gaps.Count / 2];

        Assert.InRange(median, 25, 120);
    }

    [Fact]
    public void Customers_mostly_buy_their_preferred_style()
    {
        var shareOfTopStyle = Shop.Orders.GroupBy(o => o.Customer)
            .Where(g => g.Count() >= 4)
            .Select(g => g.GroupBy(o => o.Style).Max(s => s.Count()) / (double)g.Count())
            .Average();

        Assert.True(shareOfTopStyle > 0.55, $"a customer's most bought style is only {shareOfTopStyle:P0} of their lines");
    }

    [Fact]
    public void The_shop_sells_menswear_and_womenswear_in_every_style()
    {
        Assert.Contains(Shop.Orders, o => o.Title.EndsWith('男'));
        Assert.Contains(Shop.Orders, o => o.Title.EndsWith('女'));
        Assert.Equal(new HashSet<string> { "韩版", "欧美", "日系", "简约", "复古", "街头" }, Shop.Orders.Select(o => o.Style).ToHashSet());
        Assert.Superset(new HashSet<string> { "外套", "连衣裙", "T恤", "裤装", "鞋靴", "配饰" }, Shop.Orders.Select(o => o.Category).ToHashSet());
    }

    [Fact]
    public void Customers_carry_contacts_birthdays_levels_tags_and_opt_outs_in_realistic_shares()
    {
        var rows = Shop.CustomerRows;
        double Share(Func<string[], bool> test) => rows.Count(test) / (double)rows.Count;

        Assert.InRange(Share(r => r[2].Length == 11 && r[2].All(char.IsAsciiDigit)), 0.85, 0.97);
        Assert.InRange(Share(r => r[3].Contains('@')), 0.15, 0.35);
        Assert.InRange(Share(r => r[4].Length > 0), 0.06, 0.2);
        Assert.InRange(Share(r => r[5].Length == 0), 0.2, 0.4);
        Assert.Contains(rows, r => r[5].StartsWith("1900-", StringComparison.Ordinal));
        Assert.InRange(Share(r => r[9] == "全部"), 0.005, 0.04);
        Assert.InRange(Share(r => r[9].Split('|').Contains("sms")), 0.03, 0.1);
        Assert.InRange(Share(r => r[8].Split('|').Contains("黑名单")), 0.0, 0.01);
        Assert.Contains(rows, r => r[8].Split('|').Contains("大码"));
        Assert.Contains(rows, r => r[8].Split('|').Contains("学生"));
        Assert.Contains(rows, r => r[7] == "银卡");
        Assert.Contains(rows, r => r[7] == "金卡");
        Assert.True(Share(r => r[7] == "普通") > 0.8);
        Assert.Equal(rows.Count, rows.Select(r => r[0]).Distinct().Count());
    }
}
