using CampaignEngine.Calendar;

namespace CampaignEngine.SampleShop;

/// <summary>
/// Writes a deterministic synthetic apparel shop — <c>orders.csv</c> and <c>customers.csv</c> in the shop
/// export format — for demos, tests and benchmarks. The same options give byte-identical files. It
/// streams: one customer at a time is in memory, so a million customers cost no more memory than ten.
/// See docs/sample-data.md for the model and the figures it produces.
/// </summary>
public static class SampleShopGenerator
{
    public const string OrdersFileName = "orders.csv";
    public const string CustomersFileName = "customers.csv";

    internal static readonly string[] OrderHeaders =
        ["订单编号", "买家会员名", "付款时间", "买家实际支付金额", "订单状态", "发货时间", "到达同城时间", "确认收货时间", "宝贝标题", "商品类目", "风格", "购买数量", "单价"];

    internal static readonly string[] CustomerHeaders =
        ["买家会员名", "姓名", "手机号", "邮箱", "客户群", "生日", "地区", "会员等级", "标签", "退订"];

    private static readonly double[] LinesPerOrder = Cumulate([85, 12, 3]);
    private static readonly double[] Quantities = Cumulate([90, 8, 2]);

    /// <summary>Writes orders.csv and customers.csv into <paramref name="directory"/> (created if missing).</summary>
    /// <exception cref="ArgumentException">The options are invalid (see <see cref="SampleShopOptions.Validate"/>).</exception>
    public static SampleShopSummary Write(SampleShopOptions options, string directory, IProgress<int>? customersDone = null)
    {
        ThrowIfInvalid(options);
        Directory.CreateDirectory(directory);
        using var orders = new FileStream(Path.Combine(directory, OrdersFileName), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var customers = new FileStream(Path.Combine(directory, CustomersFileName), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        return Write(options, orders, customers, customersDone);
    }

    /// <summary>Writes the two files to streams (left open).</summary>
    public static SampleShopSummary Write(SampleShopOptions options, Stream orders, Stream customers, IProgress<int>? customersDone = null)
    {
        ThrowIfInvalid(options);
        var catalogue = new Catalogue();
        var season = new ShopSeason(options.Start, options.End, FestivalCalendar.Default);
        var cachedDays = (options.Start.DayNumber - 1, options.End.DayNumber + 1);
        using var orderRows = new ExportWriter(orders, cachedDays);
        using var customerRows = new ExportWriter(customers, cachedDays);
        orderRows.Header(OrderHeaders);
        customerRows.Header(CustomerHeaders);

        var exportMoment = ExportWriter.Moment(options.End.DayNumber + 1, 0);
        var moments = new List<long>();
        var lines = new (Catalogue.Item Item, int Quantity)[3];
        var tally = new Tally();

        for (var index = 0; index < options.Customers; index++)
        {
            var random = new ShopRandom(options.Seed, index);
            var customer = SampleCustomer.Create(index, catalogue, options.End, ref random);
            PurchaseTimeline.Plan(customer, season, options, moments, ref random);

            var spentFen = 0L;
            var ordersCounted = 0;
            for (var sequence = 0; sequence < moments.Count; sequence++)
            {
                var paid = moments[sequence];
                var day = ExportWriter.DayOf(paid);
                var lineCount = 1 + random.Pick(LinesPerOrder);
                var subtotal = 0L;
                for (var l = 0; l < lineCount; l++)
                {
                    var item = DrawItem(customer, catalogue, DateOnly.FromDayNumber(day).Month, first: l == 0, ref random);
                    var quantity = 1 + random.Pick(Quantities);
                    lines[l] = (item, quantity);
                    subtotal += item.ListPriceFen * quantity;
                }

                var amount = AmountPaid(subtotal, season.IsPromotion(day), ref random);
                // 4% of orders are never paid (交易关闭): placed, then abandoned or cancelled.
                var closed = random.Chance(0.04);
                var parcel = closed ? Parcel.Closed : Parcel.Follow(paid, season, exportMoment, ref random);
                var orderId = OrderId(day, index, sequence);

                for (var l = 0; l < lineCount; l++)
                {
                    orderRows.Text(orderId);
                    orderRows.Text(customer.MemberName);
                    orderRows.Time(closed ? ExportWriter.NoMoment : paid);
                    orderRows.Money(amount);
                    orderRows.Text(parcel.Status);
                    orderRows.Time(parcel.Shipped);
                    orderRows.Time(parcel.Arrived);
                    orderRows.Time(parcel.Signed);
                    orderRows.Text(lines[l].Item.Title);
                    orderRows.Text(lines[l].Item.Category);
                    orderRows.Text(lines[l].Item.Style);
                    orderRows.Number(lines[l].Quantity);
                    orderRows.Money(lines[l].Item.ListPriceFen);
                    orderRows.EndRow();
                }

                tally.Orders++;
                tally.Lines += lineCount;
                if (closed)
                {
                    tally.Closed++;
                }
                else if (parcel.Refunded)
                {
                    tally.Refunded++;
                }
                else
                {
                    ordersCounted++;
                    spentFen += amount;
                    tally.Revenue += amount;
                    if (ordersCounted >= 2)
                    {
                        tally.RepeatRevenue += amount;
                    }
                }
            }

            tally.Buying += ordersCounted > 0 ? 1 : 0;
            tally.OneOrder += ordersCounted == 1 ? 1 : 0;
            WriteCustomer(customerRows, customer, spentFen);
            if (customersDone is not null && (index + 1) % 10_000 == 0)
            {
                customersDone.Report(index + 1);
            }
        }

        orderRows.Flush();
        customerRows.Flush();
        customersDone?.Report(options.Customers);
        return new SampleShopSummary(options.Customers, tally.Orders, tally.Lines, tally.Closed, tally.Refunded, tally.Buying, tally.OneOrder, tally.Revenue, tally.RepeatRevenue);
    }

    /// <summary>Membership by what the customer spent (not refunded): 普通 &lt; ¥600 ≤ 银卡 &lt; ¥1,500 ≤ 金卡 &lt; ¥3,000 ≤ VIP.</summary>
    internal static string Level(long spentFen) => spentFen switch
    {
        >= 300_000 => "VIP",
        >= 150_000 => "金卡",
        >= 60_000 => "银卡",
        _ => "普通",
    };

    private static void WriteCustomer(ExportWriter rows, SampleCustomer customer, long spentFen)
    {
        rows.Text(customer.MemberName);
        rows.Text(customer.Name);
        rows.Text(customer.Phone);
        rows.Text(customer.Email);
        rows.Text(customer.ChatGroup);
        rows.Date(customer.Birthday);
        rows.Text(customer.Region);
        rows.Text(Level(spentFen));
        rows.Text(customer.Tags);
        rows.Text(customer.OptOut);
        rows.EndRow();
    }

    /// <summary>Mostly the customer's own department, preferred style and (for the first item) preferred category.</summary>
    private static Catalogue.Item DrawItem(SampleCustomer customer, Catalogue catalogue, int month, bool first, ref ShopRandom random)
    {
        // One item in ten is bought for someone else — a partner's coat, a father's shirt.
        var department = random.Chance(0.9) ? customer.Department : 1 - customer.Department;
        var category = first && department == customer.Department && random.Chance(0.5)
            ? customer.PreferredCategory
            : catalogue.DrawCategory(department, month, ref random);
        var style = random.Chance(0.7) ? customer.PreferredStyle : random.Next(Catalogue.Styles.Length);
        return catalogue.Draw(category, style, ref random);
    }

    /// <summary>
    /// What the buyer paid: on promotion days 满减 (¥30 off every full ¥200); otherwise now and then a
    /// shop coupon, and sometimes a platform red packet that leaves odd fen.
    /// </summary>
    private static long AmountPaid(long subtotalFen, bool promotion, ref ShopRandom random)
    {
        var amount = subtotalFen;
        if (promotion)
        {
            amount -= subtotalFen / 20_000 * 3_000;
        }
        else if (random.Chance(0.3))
        {
            var coupon = random.Pick((long[])[500, 1_000, 2_000]);
            if (subtotalFen >= coupon * 4)
            {
                amount -= coupon;
            }
        }

        if (random.Chance(0.15))
        {
            amount -= 1 + random.Next(500);
        }

        return Math.Max(100, amount);
    }

    /// <summary>
    /// 17 digits like a Taobao order number: "3", the order date (yyMMdd), the customer index (7 digits,
    /// more past ten million) and the customer's order sequence (3 digits) — unique by construction.
    /// </summary>
    private static string OrderId(int day, int customerIndex, int sequence)
    {
        var date = DateOnly.FromDayNumber(day);
        return string.Create(null, stackalloc char[24], $"3{date.Year % 100:D2}{date.Month:D2}{date.Day:D2}{customerIndex:D7}{sequence:D3}");
    }

    private static void ThrowIfInvalid(SampleShopOptions options)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }
    }

    private static double[] Cumulate(double[] weights)
    {
        var total = 0.0;
        return weights.Select(w => total += w).ToArray();
    }

    private sealed class Tally
    {
        public long Orders;
        public long Lines;
        public long Closed;
        public long Refunded;
        public int Buying;
        public int OneOrder;
        public long Revenue;
        public long RepeatRevenue;
    }
}
