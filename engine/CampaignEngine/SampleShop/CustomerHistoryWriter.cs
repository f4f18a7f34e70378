namespace CampaignEngine.SampleShop;

/// <summary>
/// Generates one customer — profile, orders, order lines, parcels — and writes their rows. Everything
/// comes from the customer's own random stream, so customers can be generated in any order or in
/// parallel and still give the same bytes. One instance per thread (it reuses its buffers).
/// </summary>
internal sealed class CustomerHistoryWriter(SampleShopOptions options, Catalogue catalogue, ShopSeason season)
{
    private static readonly double[] LinesPerFirstOrder = ShopRandom.Cumulative([85, 12, 3]);

    /// <summary>Returning customers trust the shop and fill their basket more: 客单价 of repeat orders is higher.</summary>
    private static readonly double[] LinesPerRepeatOrder = ShopRandom.Cumulative([70, 22, 8]);
    private static readonly double[] Quantities = ShopRandom.Cumulative([90, 8, 2]);
    private static readonly long[] Coupons = [500, 1_000, 2_000];

    private readonly long _exportMoment = ExportWriter.Moment(options.End.DayNumber + 1, 0);
    private readonly List<long> _moments = [];
    private readonly (Catalogue.Item Item, int Quantity)[] _lines = new (Catalogue.Item, int)[3];

    public void Write(int index, ExportWriter orderRows, ExportWriter customerRows, ShopTally tally)
    {
        var random = new ShopRandom(options.Seed, index);
        var customer = SampleCustomer.Create(index, catalogue, options.End, ref random);
        PurchaseTimeline.Plan(customer, season, options, _moments, ref random);

        var spentFen = 0L;
        var ordersCounted = 0;
        for (var sequence = 0; sequence < _moments.Count; sequence++)
        {
            var paid = _moments[sequence];
            var day = ExportWriter.DayOf(paid);
            var month = DateOnly.FromDayNumber(day).Month;
            // Benchmark mode keeps every basket the same size, so orders × 1.18 predicts the line count.
            var basket = sequence == 0 || options.OrdersPerCustomer is not null ? LinesPerFirstOrder : LinesPerRepeatOrder;
            var lineCount = 1 + random.Pick(basket);
            var subtotal = 0L;
            for (var l = 0; l < lineCount; l++)
            {
                var item = DrawItem(customer, month, first: l == 0, ref random);
                var quantity = 1 + random.Pick(Quantities);
                _lines[l] = (item, quantity);
                subtotal += item.ListPriceFen * quantity;
            }

            var amount = AmountPaid(subtotal, season.IsPromotion(day), ref random);
            // 4% of orders are never paid (交易关闭): placed, then abandoned or cancelled.
            var closed = random.Chance(0.04);
            var parcel = closed ? Parcel.Closed : Parcel.Follow(paid, season, _exportMoment, ref random);
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
                orderRows.Text(_lines[l].Item.Title);
                orderRows.Text(_lines[l].Item.Category);
                orderRows.Text(_lines[l].Item.Style);
                orderRows.Number(_lines[l].Quantity);
                orderRows.Money(_lines[l].Item.ListPriceFen);
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
    private Catalogue.Item DrawItem(SampleCustomer customer, int month, bool first, ref ShopRandom random)
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
            var coupon = random.Pick(Coupons);
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
}
