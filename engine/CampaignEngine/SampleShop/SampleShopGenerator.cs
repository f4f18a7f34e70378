using CampaignEngine.Calendar;

namespace CampaignEngine.SampleShop;

/// <summary>
/// Writes a deterministic synthetic apparel shop — <c>orders.csv</c> and <c>customers.csv</c> in the shop
/// export format — for demos, tests and benchmarks. The same options give byte-identical files. It
/// streams: customers are generated in blocks, a few blocks at a time in parallel, and each block is
/// written out in order as soon as its turn comes, so memory stays flat at any size.
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

    /// <summary>Customers per block: a block of 10-order customers is ~5 MB of CSV.</summary>
    private const int BlockSize = 2048;

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
        var days = new DayTexts(options.Start.DayNumber - 1, options.End.DayNumber + 1);
        WriteHeader(orders, OrderHeaders, days);
        WriteHeader(customers, CustomerHeaders, days);

        var total = new ShopTally();
        var blockCount = (options.Customers + BlockSize - 1) / BlockSize;
        var window = Math.Max(2, Environment.ProcessorCount * 2);
        var blocks = new Block[window];
        for (var first = 0; first < blockCount; first += window)
        {
            var count = Math.Min(window, blockCount - first);
            Parallel.For(0, count, j =>
            {
                var block = blocks[j] ??= new Block();
                block.Generate(first + j, options, catalogue, season, days);
            });

            for (var j = 0; j < count; j++)
            {
                blocks[j].CopyTo(orders, customers);
                total.Add(blocks[j].Tally);
                customersDone?.Report(Math.Min(options.Customers, (first + j + 1) * BlockSize));
            }
        }

        orders.Flush();
        customers.Flush();
        return total.Summary(options.Customers);
    }

    private static void WriteHeader(Stream stream, string[] headers, DayTexts days)
    {
        using var writer = new ExportWriter(stream, byteOrderMark: true, days);
        writer.Header(headers);
    }

    private static void ThrowIfInvalid(SampleShopOptions options)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }
    }

    /// <summary>The rows of one block of customers, generated on a worker thread; buffers are reused.</summary>
    private sealed class Block
    {
        private readonly MemoryStream _orders = new();
        private readonly MemoryStream _customers = new();

        public ShopTally Tally { get; private set; } = new();

        public void Generate(int blockIndex, SampleShopOptions options, Catalogue catalogue, ShopSeason season, DayTexts days)
        {
            _orders.SetLength(0);
            _customers.SetLength(0);
            Tally = new ShopTally();
            var history = new CustomerHistoryWriter(options, catalogue, season);
            using var orderRows = new ExportWriter(_orders, byteOrderMark: false, days);
            using var customerRows = new ExportWriter(_customers, byteOrderMark: false, days);
            var end = Math.Min(options.Customers, (blockIndex + 1) * BlockSize);
            for (var index = blockIndex * BlockSize; index < end; index++)
            {
                history.Write(index, orderRows, customerRows, Tally);
            }
        }

        public void CopyTo(Stream orders, Stream customers)
        {
            orders.Write(_orders.GetBuffer(), 0, (int)_orders.Length);
            customers.Write(_customers.GetBuffer(), 0, (int)_customers.Length);
        }
    }
}
