using System.Runtime.InteropServices;
using System.Text;
using CampaignEngine.Orders;
using CampaignEngine.Orders.Ingest;
using CampaignEngine.SampleShop;
using static CampaignEngine.Facts.Tests.Ingest.OrderExports;

namespace CampaignEngine.Facts.Tests.Ingest;

/// <summary>
/// orders.csv is cut into byte ranges parsed in parallel and merged in file order. Whatever the cut — one
/// range for the whole file, or ranges of a few bytes that split orders and fall inside quoted fields
/// spanning lines — the history, the summary, the rejects and the rejects file must be the same.
/// </summary>
public sealed class ParallelIngestTests
{
    private static readonly long[] RangeSizes = [1, 97, 333, 4096, 65536];

    [Fact]
    public void Generated_shop_with_bad_rows_and_multi_line_fields_loads_the_same_for_any_cut()
    {
        using var shop = MessyShop(out var lines);
        shop.Write("orders.csv", lines);

        AssertSameForEveryCut(shop, expectRejects: 17);
    }

    [Fact]
    public void Gbk_and_utf16_exports_load_the_same_for_any_cut()
    {
        using var shop = MessyShop(out var lines);
        var customers = File.ReadAllLines(shop.File("customers.csv"), Encoding.UTF8);
        shop.Write("orders.csv", lines, ExportEncoding.Gbk);
        shop.Write("customers.csv", customers, ExportEncoding.Gbk);
        var gbk = AssertSameForEveryCut(shop, expectRejects: 17);
        Assert.Equal(("gbk", "gbk"), (gbk.Summary.OrdersEncoding, gbk.Summary.CustomersEncoding));

        shop.Write("orders.csv", lines, Encoding.Unicode);
        shop.Write("customers.csv", customers, Encoding.Unicode);
        var utf16 = AssertSameForEveryCut(shop, expectRejects: 17);
        Assert.Equal(("utf-16", "utf-16"), (utf16.Summary.OrdersEncoding, utf16.Summary.CustomersEncoding));
    }

    [Fact]
    public void A_file_ending_inside_a_quote_gives_the_same_last_reject_for_any_cut()
    {
        using var shop = new TempShop();
        shop.Write("orders.csv",
        [
            ChineseHeader,
            Row("1", "a", "2024-01-01 10:00:00", "10.00"),
            Row("2", "b", "2024-01-02 10:00:00", "20.00", item: "\"多行\n标题\""),
            Row("3", "c", "2024-01-03 10:00:00", "30.00", item: "\"没有结束的引号\n后面的行都在引号里"),
            Row("4", "d", "2024-01-04 10:00:00", "40.00"),
        ]);

        var result = AssertSameForEveryCut(shop, expectRejects: 2);

        // Row 3 swallows the rest of the file into its title: too few fields, then the open quote.
        Assert.Equal([(5L, "-"), (5L, "-")], result.Rejects.Select(r => (r.Line, r.Column)));
        Assert.Contains("ends inside a quoted field", result.Rejects[^1].Reason, StringComparison.Ordinal);
        Assert.Equal(2, result.History!.OrderCount);
    }

    /// <summary>
    /// A sample shop (fixed seed) whose orders.csv gets hand-written rows: every kind of reject, quoted
    /// titles spanning lines, far repeats of orders (identical and different), blank lines, and customers
    /// that are only in orders — one of them first named by a repeat that differs, so it must not be created
    /// there; customers.csv gets bad rows, a duplicate id and a quoted name spanning lines.
    /// </summary>
    private static TempShop MessyShop(out List<string> lines)
    {
        var shop = new TempShop();
        SampleShopGenerator.Write(new SampleShopOptions { Customers = 120, Seed = 20251123 }, shop.Path);
        var generated = File.ReadAllLines(shop.File("orders.csv"), Encoding.UTF8);
        lines = [.. generated.Take(1)];
        var rows = generated.Skip(1).ToList();
        var firstOrder = rows.First(Signed).Split(',');
        var middle = rows.Skip(rows.Count / 2).First(Signed).Split(',');
        var extra = new Dictionary<int, string[]>
        {
            [3] = [Row("m1", "only-in-orders-1", "2024-02-01 09:00:00", "50.00", item: "\"第一行\n第二行\n第三行\"")],
            [10] = ["1,2,3", ""],
            [17] = [Row("", "x", "2024-01-01 00:00:00", "1.00"), Row("e1", "", "2024-01-01 00:00:00", "1.00")],
            [25] = [Row("e2", "x", "2024-01-01 00:00:00", "1.00", status: "已发霉"), Row("e3", "x", "", "1.00")],
            [31] = [Row("e4", "x", "2024-13-01 00:00:00", "1.00"), Row("e5", "x", "2024-01-01 00:00:00", "-5.00")],
            [40] = [Row("e6", "x", "2024-01-01 00:00:00", "1.00", quantity: "两件"), Row("e7", "x", "2024-01-01 00:00:00", "1.00", quantity: "-1")],
            [48] = [Row("e8", "x", "2024-01-01 00:00:00", "1.00", price: "1.005"), Row("e9", "x", "2024-01-01 00:00:00", "1.00", shipped: "昨天")],
            // The first order again, far from its rows: identical order-level values (another line), then different.
            [60] = [string.Join(',', firstOrder), Row(firstOrder[0], firstOrder[1], firstOrder[2], "99999.00")],
            [70] = [Row("m2", "only-in-orders-2", "2024-03-01 09:00:00", "60.00", item: "\"含\"\"引号\"\"的\n标题\"", category: "\"外套,加厚\"")],
            // A repeat of an order that differs in its customer, who is named nowhere before: a reject, no customer.
            [80] = [Row(middle[0], "only-in-orders-3", middle[2], middle[3], middle[4])],
            [90] = [Row("m3", "only-in-orders-3", "2024-04-01 09:00:00", "70.00", status: "closed"), Row("m4", "only-in-orders-3", "2024-04-01 09:00:00", "70.00")],
        };
        for (var i = 0; i < rows.Count; i++)
        {
            lines.AddRange(extra.GetValueOrDefault(i, []));
            lines.Add(rows[i]);
        }

        lines.Add(Row("m5", "only-in-orders-4", "2024-05-01 09:00:00", "80.00", item: "\"最后一行\n也跨行\""));

        // customers.csv gets its own bad rows, a duplicate and a quoted name spanning lines.
        var customers = File.ReadAllLines(shop.File("customers.csv"), Encoding.UTF8).ToList();
        var someone = customers[5];
        customers.InsertRange(9, [",无名,,,,,,,,", "c-bad-birthday,张三,,,,1990-02-30,,,,", "c-bad-optout,李四,,,,,,,,飞鸽"]);
        customers.InsertRange(30, [someone, "\"c-quoted\",\"王\n五\",13800000000,,,,,,vip|老客,sms", ""]);
        shop.Write("customers.csv", customers);
        return shop;

        static bool Signed(string row) => row.Split(',')[4] == "交易成功";
    }

    private static IngestResult AssertSameForEveryCut(TempShop shop, int expectRejects)
    {
        var whole = Load(shop, long.MaxValue, "whole");
        Assert.True(whole.Succeeded, string.Join("\n", whole.Errors));
        Assert.Equal(expectRejects, whole.Rejects.Count);
        foreach (var size in RangeSizes)
        {
            var cut = Load(shop, size, $"cut{size}");
            Assert.True(cut.Succeeded, string.Join("\n", cut.Errors));
            Assert.Equal(whole.Summary with { RejectsPath = null }, cut.Summary with { RejectsPath = null });
            Assert.Equal(whole.Rejects, cut.Rejects);
            Assert.Equal(File.ReadAllBytes(shop.File("whole.csv")), File.ReadAllBytes(shop.File($"cut{size}.csv")));
            AssertSameHistory(whole.History!, cut.History!, $"ranges of {size} bytes");
        }

        return whole;
    }

    private static IngestResult Load(TempShop shop, long rangeBytes, string rejects)
        => OrderHistory.Load(new IngestRequest(shop.File("orders.csv"), File.Exists(shop.File("customers.csv")) ? shop.File("customers.csv") : null, null, shop.File(rejects + ".csv")) { RangeBytes = rangeBytes });

    private static void AssertSameHistory(OrderHistory expected, OrderHistory actual, string how)
    {
        foreach (var (name, column) in Columns(expected).Zip(Columns(actual), (e, a) => (e.Name, (e.Bytes, a.Bytes))))
        {
            Assert.True(column.Item1.SequenceEqual(column.Item2), $"{name} differs with {how}");
        }
    }

    private static IEnumerable<(string Name, byte[] Bytes)> Columns(OrderHistory h)
    {
        yield return ("customer ids", Names(h.CustomerIds));
        yield return ("order ids", Names(h.OrderIdNames));
        yield return ("categories", Names(h.Categories));
        yield return ("styles", Names(h.Styles));
        yield return ("tags", Names(h.Tags));
        yield return ("details", Texts(h.Names, h.Phones, h.Emails, h.Groups, h.Regions, h.Levels));
        yield return ("has details", Bytes(h.HasDetails));
        yield return ("birthdays", Bytes(h.BirthdayDays));
        yield return ("opt-outs", Bytes(h.OptOuts));
        yield return ("tag starts", Bytes(h.TagStarts));
        yield return ("tag ids", Bytes(h.TagIds));
        yield return ("customer order starts", Bytes(h.CustomerOrderStarts));
        yield return ("order customer", Bytes(h.OrderCustomer));
        yield return ("order id of order", Bytes(h.OrderIds));
        yield return ("paid day", Bytes(h.PaidDay));
        yield return ("paid second", Bytes(h.PaidSecond));
        yield return ("amount", Bytes(h.AmountFen));
        yield return ("status", Bytes(h.Status));
        yield return ("shipped", Bytes(h.ShippedDay).Concat(Bytes(h.ShippedSecond)).ToArray());
        yield return ("arrived", Bytes(h.ArrivedDay).Concat(Bytes(h.ArrivedSecond)).ToArray());
        yield return ("signed", Bytes(h.SignedDay).Concat(Bytes(h.SignedSecond)).ToArray());
        yield return ("order line starts", Bytes(h.OrderLineStarts));
        yield return ("line category", Bytes(h.LineCategory));
        yield return ("line style", Bytes(h.LineStyle));
        yield return ("line quantity", Bytes(h.LineQuantity));
        yield return ("line unit price", Bytes(h.LineUnitPriceFen));
    }

    private static byte[] Bytes<T>(T[] values)
        where T : unmanaged
        => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    private static byte[] Names(NameTable table)
        => Encoding.UTF8.GetBytes(string.Join('\u0001', Enumerable.Range(0, table.Count).Select(table.NameOf)));

    private static byte[] Texts(params string?[][] columns)
        => Encoding.UTF8.GetBytes(string.Join('\u0001', columns.SelectMany(c => c).Select(t => t ?? "\u0002")));
}
