using System.Globalization;
using System.Text;

namespace Benchmarks;

/// <summary>
/// A deterministic Taobao-style orders.csv for the benchmarks (10M lines by default): a skewed customer
/// base, 1–3 lines per order, every status, logistics times, Chinese titles. Written once to a temp
/// directory and reused (it is ~2 GB, never committed). The sample-shop generator was not in main when
/// these benchmarks were written; this stays independent of it so figures are comparable over time.
/// </summary>
internal static class IngestShopFile
{
    private static readonly string[] Categories = ["外套", "连衣裙", "T恤", "裤装", "鞋靴", "配饰", "衬衫", "毛衣"];
    private static readonly string[] Styles = ["韩版", "欧美", "日系", "简约", "复古", "街头"];
    private static readonly string[] Titles = ["2024秋冬新款羊毛大衣女中长款", "法式复古碎花连衣裙夏", "纯棉短袖T恤男宽松", "高腰阔腿裤垂感显瘦", "厚底老爹鞋百搭", "珍珠耳环小众设计"];

    public static string Directory => Path.Combine(Path.GetTempPath(), "campaignengine-bench");

    /// <summary>The path of an orders file with <paramref name="lines"/> data lines for <paramref name="customers"/> customers, generated if absent.</summary>
    public static string Orders(int lines, int customers)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, $"orders-{lines}-{customers}.csv");
        if (File.Exists(path))
        {
            return path;
        }

        var temp = path + ".tmp";
        var random = new Random(20241111);
        var start = new DateTime(2022, 1, 1);
        var spanSeconds = 3 * 365 * 86400L;
        var approxOrders = lines / 1.43;
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(true), 1 << 20))
        {
            writer.NewLine = "\r\n";
            writer.WriteLine("订单编号,买家会员名,付款时间,买家实际支付金额,订单状态,发货时间,到达同城时间,确认收货时间,宝贝标题,商品类目,风格,购买数量,单价");
            var written = 0;
            var order = 0L;
            var sb = new StringBuilder(256);
            while (written < lines)
            {
                // Skewed: a few customers buy often, most once or twice.
                var u = random.NextDouble();
                var customer = (int)(customers * u * u);
                var paid = start.AddSeconds(Math.Min(spanSeconds - 1, (long)(order / approxOrders * spanSeconds) + random.Next(3600)));
                var roll = random.Next(100);
                var status = roll < 85 ? "交易成功" : roll < 90 ? "卖家已发货，等待买家确认" : roll < 93 ? "买家已付款，等待卖家发货" : roll < 97 ? "退款成功" : "交易关闭";
                var shipped = status is "交易成功" or "卖家已发货，等待买家确认" ? paid.AddHours(6 + random.Next(40)) : (DateTime?)null;
                var arrived = shipped?.AddHours(12 + random.Next(48));
                var signed = status == "交易成功" ? arrived?.AddHours(2 + random.Next(72)) : null;
                var lineCount = Math.Min(lines - written, roll % 13 < 9 ? 1 : roll % 13 < 12 ? 2 : 3);
                var prices = new int[lineCount];
                var quantities = new int[lineCount];
                long total = 0;
                for (var l = 0; l < lineCount; l++)
                {
                    prices[l] = 2900 + random.Next(50000);
                    quantities[l] = 1 + (random.Next(10) == 0 ? 1 : 0);
                    total += (long)prices[l] * quantities[l];
                }

                var orderId = (3_100_000_000_000_000_000L + order * 7919).ToString(CultureInfo.InvariantCulture);
                for (var l = 0; l < lineCount; l++)
                {
                    var t = random.Next(Titles.Length);
                    sb.Clear()
                        .Append(orderId).Append(',')
                        .Append("tb_").Append(customer.ToString("x", CultureInfo.InvariantCulture)).Append(',')
                        .Append(status == "交易关闭" ? "" : Time(paid)).Append(',')
                        .Append(Yuan(total)).Append(',')
                        .Append(status).Append(',')
                        .Append(Time(shipped)).Append(',')
                        .Append(Time(arrived)).Append(',')
                        .Append(Time(signed)).Append(',')
                        .Append(Titles[t]).Append(',')
                        .Append(Categories[(t + customer) % Categories.Length]).Append(',')
                        .Append(Styles[customer % Styles.Length]).Append(',')
                        .Append(quantities[l]).Append(',')
                        .Append(Yuan(prices[l]));
                    writer.WriteLine(sb);
                    written++;
                }

                order++;
            }
        }

        File.Move(temp, path);
        return path;
    }

    private static string Time(DateTime? t) => t?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";

    private static string Yuan(long fen) => (fen / 100).ToString(CultureInfo.InvariantCulture) + "." + (fen % 100).ToString("00", CultureInfo.InvariantCulture);
}
