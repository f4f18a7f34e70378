using System.Text;
using CampaignEngine.Orders;
using CampaignEngine.Orders.Ingest;
using static CampaignEngine.Facts.Tests.Ingest.OrderExports;

namespace CampaignEngine.Facts.Tests.Ingest;

public sealed class OrderIngestTests
{
    private static IngestResult Load(TempShop shop, bool customers = true, string? mapping = null)
        => OrderHistory.Load(new IngestRequest(shop.File("orders.csv"), customers ? shop.File("customers.csv") : null, mapping, shop.File("rejects/rejects.csv")));

    [Fact]
    public void Chinese_headers_bom_crlf_and_multi_line_orders_load_with_exact_fen()
    {
        using var shop = new TempShop();
        shop.Write("customers.csv", [CustomersHeader, "tb_alice,张三,13800000000,a@x.cn,,1990-05-01,浙江,金卡,vip|老客,", "tb_bob,李四,,,,,广东,普通,,sms"]);
        shop.Write("orders.csv",
        [
            ChineseHeader,
            Row("1001", "tb_alice", "2024-03-01 10:00:00", "328.50", item: "\"大衣,加厚\"", price: "200.00"),
            Row("1001", "tb_alice", "2024-03-01 10:00:00", "328.50", category: "配饰", style: "简约", quantity: "2", price: "64.25"),
            Row("1002", "tb_bob", "2024/3/5 9:07", "99.90", "卖家已发货，等待买家确认", shipped: "2024-03-06 08:00:00"),
        ]);

        var result = Load(shop);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var h = result.History!;
        Assert.Equal((3L, 0L, 2L), (result.Summary.OrderRowsLoaded, result.Summary.OrderRowsRejected, result.Summary.OrdersLoaded));
        Assert.Equal("utf-8 (BOM)", result.Summary.OrdersEncoding);
        var alice = h.FindCustomer("tb_alice");
        var order = h.CustomerOrderStarts[alice];
        Assert.Equal(32850, h.AmountFen[order]);
        Assert.Equal(2, h.OrderLineStarts[order + 1] - h.OrderLineStarts[order]);
        Assert.Equal("配饰", h.Categories.NameOf(h.LineCategory[h.OrderLineStarts[order] + 1]));
        Assert.Equal(6425, h.LineUnitPriceFen[h.OrderLineStarts[order] + 1]);
        Assert.Equal("张三", h.Names[alice]);
        var bob = h.FindCustomer("tb_bob");
        var bobOrder = h.CustomerOrderStarts[bob];
        Assert.Equal(new DateOnly(2024, 3, 5).DayNumber, h.PaidDay[bobOrder]);
        Assert.Equal(9 * 3600 + 7 * 60, h.PaidSecond[bobOrder]);
        Assert.Equal(OrderStatus.Shipped, h.Status[bobOrder]);
        Assert.Equal(OptOut.Sms, h.OptOuts[bob]);
    }

    [Fact]
    public void Gbk_export_is_detected_and_decoded()
    {
        var gbk = ExportEncoding.Gbk;
        using var shop = new TempShop();
        shop.Write("orders.csv", [ChineseHeader, Row("1", "淘宝买家", "2024-01-02 03:04:05", "10.00", category: "连衣裙", style: "日系")], gbk);

        var result = Load(shop, customers: false);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("gbk", result.Summary.OrdersEncoding);
        var h = result.History!;
        Assert.Equal(0, h.FindCustomer("淘宝买家"));
        Assert.Equal("连衣裙", h.Categories.NameOf(h.LineCategory[0]));
        Assert.Equal("日系", h.Styles.NameOf(h.LineStyle[0]));
    }

    [Fact]
    public void Utf8_without_bom_and_english_headers_load()
    {
        using var shop = new TempShop();
        shop.Write("orders.csv",
        [
            "order_id,customer_id,paid_at,amount,status,category",
            "A1,bob,2024-01-02 03:04:05,10,signed,鞋靴",
            "A2,bob,2024-01-09 03:04:05,20.5,refunded,鞋靴",
        ], new UTF8Encoding(false), "\n");

        var result = Load(shop, customers: false);

        Assert.True(result.Succeeded);
        Assert.Equal("utf-8", result.Summary.OrdersEncoding);
        Assert.Equal([1000L, 2050L], result.History!.AmountFen);
        Assert.Equal(OrderStatus.Refunded, result.History.Status[1]);
    }

    [Fact]
    public void Bad_rows_go_to_the_rejects_file_with_line_column_and_reason()
    {
        using var shop = new TempShop();
        shop.Write("orders.csv",
        [
            ChineseHeader,                                                                       // line 1
            Row("1", "alice", "2024-01-01 10:00:00", "10.00"),                                   // 2 ok
            Row("2", "alice", "2024-13-01 10:00:00", "10.00"),                                   // 3 bad month
            Row("3", "alice", "2024-01-02 10:00:00", "10.00", quantity: "-1"),                   // 4 negative quantity
            Row("4", "", "2024-01-02 10:00:00", "10.00"),                                        // 5 no customer
            Row("1", "alice", "2024-01-01 10:00:00", "12.00"),                                   // 6 duplicate id, other amount
            Row("5", "alice", "2024-01-03 10:00:00", "abc"),                                     // 7 bad amount
            Row("6", "alice", "", "10.00", "交易关闭"),                                            // 8 closed: skipped
            Row("7", "alice", "2024-01-04 10:00:00", "10.00", "神秘状态"),                         // 9 unknown status
            Row("8", "alice", "2024-01-05 10:00:00", "5.00", "退款成功", quantity: "-1"),         // 10 refund may be negative
            "9,alice",                                                                           // 11 too few fields
            Row("1", "alice", "2024-01-01 10:00:00", "10.00", category: "裤装"),                  // 12 second line of order 1: fine
        ]);

        var result = Load(shop, customers: false);

        Assert.True(result.Succeeded);
        var s = result.Summary;
        Assert.Equal((11L, 3L, 7L, 1L), (s.OrderRowsRead, s.OrderRowsLoaded, s.OrderRowsRejected, s.OrderRowsSkippedByStatus));
        Assert.Equal(
            [(3L, "paid_at"), (4L, "quantity"), (5L, "customer_id"), (6L, "amount"), (7L, "amount"), (9L, "status"), (11L, "-")],
            result.Rejects.Select(r => (r.Line, r.Column)).ToArray());
        Assert.Contains("duplicate order id", result.Rejects[3].Reason);
        var written = File.ReadAllLines(shop.File("rejects/rejects.csv"));
        Assert.Equal("file,line,column,reason,value", written[0].TrimStart('\uFEFF'));
        Assert.StartsWith("orders.csv,3,paid_at,", written[1]);
        Assert.EndsWith(",2024-13-01 10:00:00", written[1]);
        Assert.Equal(8, written.Length);
    }

    [Fact]
    public void A_quoted_line_break_keeps_later_line_numbers_right()
    {
        using var shop = new TempShop();
        shop.Write("orders.csv",
        [
            ChineseHeader,
            Row("1", "alice", "2024-01-01 10:00:00", "10.00", item: "\"两行\n标题, 带\"\"引号\"\"\""),
            Row("2", "alice", "bad", "10.00"),
        ]);

        var result = Load(shop, customers: false);

        Assert.Equal(1, result.Summary.OrderRowsLoaded);
        Assert.Equal(4, Assert.Single(result.Rejects).Line);
    }

    [Fact]
    public void An_html_page_saved_as_csv_gives_one_error_naming_the_missing_columns()
    {
        using var shop = new TempShop();
        shop.Write("orders.csv", ["<!DOCTYPE html>", "<html><body>登录超时</body></html>", .. Enumerable.Repeat("<p>x</p>", 5000)]);

        var result = Load(shop, customers: false);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Contains("订单编号 (order_id)", error);
        Assert.Contains("付款时间 (paid_at)", error);
        Assert.Contains("HTML", error);
        Assert.Empty(result.Rejects);
    }

    [Fact]
    public void A_binary_file_gives_one_error()
    {
        using var shop = new TempShop();
        shop.WriteBytes("orders.csv", [0x50, 0x4B, 0x03, 0x04, 0, 0, 1, 2, 3]);

        var result = Load(shop, customers: false);

        Assert.Contains("binary", Assert.Single(result.Errors));
    }

    [Fact]
    public void A_mapping_file_maps_other_headers_and_status_words()
    {
        using var shop = new TempShop();
        shop.Write("orders.csv", ["单号,客户,支付于,金额,状态", "X1,c1,2024-02-02 02:02:02,1.23,已签收"]);
        File.WriteAllText(shop.File("mapping.yaml"), "orders:\n  order_id: 单号\n  customer_id: 客户\n  paid_at: 支付于\n  amount: 金额\n  status: 状态\nstatuses:\n  已签收: signed\n");

        var result = Load(shop, customers: false, mapping: shop.File("mapping.yaml"));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(123, result.History!.AmountFen[0]);
        Assert.Equal(OrderStatus.Signed, result.History.Status[0]);
    }

    [Fact]
    public void A_mapping_file_with_an_unknown_column_names_file_line_and_the_known_ones()
    {
        using var shop = new TempShop();
        shop.Write("orders.csv", [ChineseHeader]);
        File.WriteAllText(shop.File("mapping.yaml"), "orders:\n  order_number: 单号\n");

        var result = Load(shop, customers: false, mapping: shop.File("mapping.yaml"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("mapping.yaml:2:3", error);
        Assert.Contains("order_id", error);
    }

    [Fact]
    public void An_order_of_a_customer_missing_from_customers_csv_creates_a_customer_and_is_counted()
    {
        using var shop = new TempShop();
        shop.Write("customers.csv", [CustomersHeader, "alice,张三,,,,,,,,"]);
        shop.Write("orders.csv", [ChineseHeader, Row("1", "alice", "2024-01-01 10:00:00", "1.00"), Row("2", "stranger", "2024-01-01 10:00:00", "1.00")]);

        var result = Load(shop);

        Assert.Equal(1, result.Summary.CustomersWithoutDetails);
        var h = result.History!;
        Assert.Equal(2, h.CustomerCount);
        Assert.False(h.HasDetails[h.FindCustomer("stranger")]);
        Assert.Null(h.Names[h.FindCustomer("stranger")]);
    }

    [Fact]
    public void Customer_rows_with_a_bad_birthday_or_opt_out_or_a_duplicate_id_are_rejected()
    {
        using var shop = new TempShop();
        shop.Write("customers.csv",
        [
            CustomersHeader,
            "a,甲,,,,1990-02-30,,,,",
            "b,乙,,,,,,,,传真",
            "c,丙,,,,1900-08-15,,,新客| vip ,全部",
            "c,丙二,,,,,,,,",
        ]);
        shop.Write("orders.csv", [ChineseHeader]);

        var result = Load(shop);

        Assert.Equal([(2L, "birthday"), (3L, "opt_out"), (5L, "customer_id")], result.Rejects.Select(r => (r.Line, r.Column)).ToArray());
        var h = result.History!;
        var c = h.FindCustomer("c");
        Assert.Equal(OptOut.All, h.OptOuts[c]);
        Assert.Equal(["新客", "vip"], h.TagIds[h.TagStarts[c]..h.TagStarts[c + 1]].Select(h.Tags.NameOf).Order().Reverse().ToArray());
        Assert.Equal(new DateOnly(1900, 8, 15).DayNumber, h.BirthdayDays[c]);
    }

    [Fact]
    public void A_clean_load_writes_no_rejects_file()
    {
        using var shop = new TempShop();
        shop.Write("orders.csv", [ChineseHeader, Row("1", "alice", "2024-01-01 10:00:00", "1.00")]);

        var result = Load(shop, customers: false);

        Assert.True(result.Succeeded);
        Assert.Null(result.Summary.RejectsPath);
        Assert.False(Directory.Exists(shop.File("rejects")));
    }

    [Fact]
    public void A_missing_file_is_an_error_not_an_exception()
    {
        var result = OrderHistory.Load(new IngestRequest("/nonexistent/orders.csv"));

        Assert.Contains("not found", Assert.Single(result.Errors));
    }
}
