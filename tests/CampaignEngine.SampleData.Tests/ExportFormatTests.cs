using System.Globalization;
using CampaignEngine.SampleShop;

namespace CampaignEngine.SampleData.Tests;

/// <summary>The files follow the shop export format the ingest reads (data-format: headers, times, money, statuses).</summary>
public sealed class ExportFormatTests
{
    private static readonly SampleExport Shop = SampleExport.Generate(new SampleShopOptions { Customers = 2000, Seed = 11 });

    private static readonly string[] Statuses = ["交易成功", "卖家已发货，等待买家确认", "买家已付款，等待卖家发货", "退款成功", "交易关闭"];

    [Fact]
    public void Headers_are_the_taobao_export_headers()
    {
        Assert.Equal(["订单编号", "买家会员名", "付款时间", "买家实际支付金额", "订单状态", "发货时间", "到达同城时间", "确认收货时间", "宝贝标题", "商品类目", "风格", "购买数量", "单价"], Shop.OrderHeader);
        Assert.Equal(["买家会员名", "姓名", "手机号", "邮箱", "客户群", "生日", "地区", "会员等级", "标签", "退订"], Shop.CustomerHeader);
    }

    [Fact]
    public void Every_row_has_every_column_and_money_has_two_decimals()
    {
        Assert.All(Shop.OrderRows, r => Assert.Equal(13, r.Length));
        Assert.All(Shop.CustomerRows, r => Assert.Equal(10, r.Length));
        Assert.All(Shop.Orders, o =>
        {
            Assert.Matches(@"^\d+\.\d\d$", o.AmountText);
            Assert.Matches(@"^\d+\.\d\d$", o.UnitPriceText);
            Assert.True(o.Amount > 0);
            Assert.InRange(o.Quantity, 1, 3);
        });
    }

    [Fact]
    public void Statuses_are_taobao_words_and_match_the_events()
    {
        Assert.All(Shop.Orders, o =>
        {
            Assert.Contains(o.Status, Statuses);
            switch (o.Status)
            {
                case "交易关闭":
                    Assert.Null(o.Paid);
                    Assert.Null(o.Shipped);
                    break;
                case "交易成功":
                    Assert.NotNull(o.Signed);
                    break;
                case "卖家已发货，等待买家确认":
                    Assert.NotNull(o.Shipped);
                    Assert.Null(o.Signed);
                    break;
                case "买家已付款，等待卖家发货":
                    Assert.NotNull(o.Paid);
                    Assert.Null(o.Shipped);
                    break;
                default:
                    Assert.NotNull(o.Paid);
                    break;
            }
        });
    }

    [Fact]
    public void Logistics_events_happen_in_order()
    {
        Assert.All(Shop.Orders, o =>
        {
            var events = new[] { o.Paid, o.Shipped, o.Arrived, o.Signed };
            // An event implies every earlier one: no signed parcel that never shipped.
            var present = events.TakeWhile(e => e is not null).Count();
            Assert.All(events.Skip(present), e => Assert.Null(e));
            var times = events.Take(present).Select(e => e!.Value).ToList();
            Assert.Equal(times.Order(), times);
        });
    }

    [Fact]
    public void Logistics_delays_are_those_of_a_domestic_courier()
    {
        var orders = Shop.DistinctOrders.Where(o => o.Signed is not null).ToList();
        var shipHours = orders.Select(o => (o.Shipped!.Value - o.Paid!.Value).TotalHours).Order().ToList();
        var transitDays = orders.Select(o => (o.Arrived!.Value - o.Shipped!.Value).TotalDays).Order().ToList();
        var signDays = orders.Select(o => (o.Signed!.Value - o.Arrived!.Value).TotalDays).ToList();

        Assert.InRange(shipHours[shipHours.Count / 2], 12, 48);
        Assert.InRange(transitDays[transitDays.Count / 2], 1, 3);
        Assert.Contains(transitDays, d => d > 4); // some parcels stall
        Assert.All(signDays, d => Assert.InRange(d, 0, 2));
    }

    [Fact]
    public void Nothing_happens_outside_the_period()
    {
        var first = Shop.Options.Start.ToDateTime(TimeOnly.MinValue);
        var afterEnd = Shop.Options.End.AddDays(1).ToDateTime(TimeOnly.MinValue);

        Assert.All(Shop.Orders, o =>
        {
            foreach (var e in new[] { o.Paid, o.Shipped, o.Arrived, o.Signed }.OfType<DateTime>())
            {
                Assert.InRange(e, first, afterEnd.AddSeconds(-1));
            }
        });
    }

    [Fact]
    public void Orders_of_the_last_days_are_still_on_their_way()
    {
        var lastDays = Shop.DistinctOrders.Where(o => o.Paid >= Shop.Options.End.AddDays(-2).ToDateTime(TimeOnly.MinValue)).ToList();

        Assert.NotEmpty(lastDays);
        Assert.Contains(lastDays, o => o.Status == "买家已付款，等待卖家发货" || o.Status == "卖家已发货，等待买家确认");
        Assert.DoesNotContain(lastDays, o => o.Signed is not null && o.Paid > Shop.Options.End.ToDateTime(new TimeOnly(12, 0)));
    }

    [Fact]
    public void Lines_of_one_order_repeat_the_order_columns_and_belong_to_one_customer()
    {
        foreach (var order in Shop.Orders.GroupBy(o => o.OrderId))
        {
            Assert.Single(order.Select(o => o.OrderLevel).Distinct());
        }

        Assert.Contains(Shop.Orders.GroupBy(o => o.OrderId), g => g.Count() > 1);
    }

    [Fact]
    public void Every_ordering_customer_is_in_customers_csv()
    {
        var customers = Shop.CustomerRows.Select(r => r[0]).ToHashSet();

        Assert.Equal(Shop.Options.Customers, customers.Count);
        Assert.Subset(customers, Shop.Orders.Select(o => o.Customer).ToHashSet());
    }

    [Fact]
    public void Customer_fields_have_the_documented_shapes()
    {
        Assert.All(Shop.CustomerRows, r =>
        {
            if (r[5].Length > 0)
            {
                Assert.True(DateOnly.TryParseExact(r[5], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), r[5]);
            }

            Assert.Contains(r[7], new[] { "普通", "银卡", "金卡", "VIP" });
            Assert.True(r[9] is "" or "全部" || r[9].Split('|').All(c => c is "sms" or "email" or "wangwang" or "chat"), r[9]);
        });
    }

    [Fact]
    public void The_summary_counts_what_the_files_hold()
    {
        Assert.Equal(Shop.Orders.Count, Shop.Summary.OrderLines);
        Assert.Equal(Shop.DistinctOrders.Count(), Shop.Summary.Orders);
        Assert.Equal(Shop.DistinctOrders.Count(o => o.Status == "退款成功"), Shop.Summary.RefundedOrders);
        Assert.Equal(Shop.DistinctOrders.Count(o => o.Status == "交易关闭"), Shop.Summary.ClosedOrders);
        Assert.Equal(Shop.DistinctOrders.Where(o => o.Counts).Sum(o => o.Amount), Shop.Summary.RevenueFen / 100m);
    }
}
