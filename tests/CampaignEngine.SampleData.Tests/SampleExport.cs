using System.Globalization;
using CampaignEngine.SampleShop;
using CsvHelper;

namespace CampaignEngine.SampleData.Tests;

/// <summary>A generated shop read back with CsvHelper — an independent CSV parser — as plain rows.</summary>
internal sealed class SampleExport
{
    private static readonly Dictionary<(int, long, double?, DateOnly, DateOnly), SampleExport> Cache = [];

    private SampleExport(byte[] ordersBytes, byte[] customersBytes, SampleShopSummary summary, SampleShopOptions options)
    {
        OrdersBytes = ordersBytes;
        CustomersBytes = customersBytes;
        Summary = summary;
        Options = options;
        (OrderHeader, OrderRows) = Parse(ordersBytes);
        (CustomerHeader, CustomerRows) = Parse(customersBytes);
        Orders = OrderRows.Select(r => new OrderLine(r)).ToList();
    }

    public byte[] OrdersBytes { get; }
    public byte[] CustomersBytes { get; }
    public SampleShopSummary Summary { get; }
    public SampleShopOptions Options { get; }
    public string[] OrderHeader { get; }
    public List<string[]> OrderRows { get; }
    public string[] CustomerHeader { get; }
    public List<string[]> CustomerRows { get; }
    public List<OrderLine> Orders { get; }

    /// <summary>One line per order: the order-level columns of its first line.</summary>
    public IEnumerable<OrderLine> DistinctOrders => Orders.GroupBy(o => o.OrderId).Select(g => g.First());

    public static SampleExport Generate(SampleShopOptions options)
    {
        var key = (options.Customers, options.Seed, options.OrdersPerCustomer, options.Start, options.End);
        lock (Cache)
        {
            if (!Cache.TryGetValue(key, out var export))
            {
                using var orders = new MemoryStream();
                using var customers = new MemoryStream();
                var summary = SampleShopGenerator.Write(options, orders, customers);
                export = new SampleExport(orders.ToArray(), customers.ToArray(), summary, options);
                Cache[key] = export;
            }

            return export;
        }
    }

    /// <summary>Strict RFC 4180 reading: malformed quoting or a row with a different field count throws.</summary>
    public static (string[] Header, List<string[]> Rows) Parse(byte[] bytes)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
        };
        using var csv = CsvReader.Create(bytes, options);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            var row = new string[csv.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = csv.GetString(i);
            }

            rows.Add(row);
        }

        return (rows[0], rows.Skip(1).ToList());
    }

    public static DateTime? Time(string text)
        => text.Length == 0 ? null : DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    internal sealed record OrderLine
    {
        public OrderLine(string[] row)
        {
            OrderId = row[0];
            Customer = row[1];
            Paid = Time(row[2]);
            Amount = decimal.Parse(row[3], CultureInfo.InvariantCulture);
            AmountText = row[3];
            Status = row[4];
            Shipped = Time(row[5]);
            Arrived = Time(row[6]);
            Signed = Time(row[7]);
            Title = row[8];
            Category = row[9];
            Style = row[10];
            Quantity = int.Parse(row[11], CultureInfo.InvariantCulture);
            UnitPriceText = row[12];
            OrderLevel = string.Join(',', row.Take(8));
        }

        public string OrderId { get; }
        public string Customer { get; }
        public DateTime? Paid { get; }
        public decimal Amount { get; }
        public string AmountText { get; }
        public string Status { get; }
        public DateTime? Shipped { get; }
        public DateTime? Arrived { get; }
        public DateTime? Signed { get; }
        public string Title { get; }
        public string Category { get; }
        public string Style { get; }
        public int Quantity { get; }
        public string UnitPriceText { get; }
        public string OrderLevel { get; }

        /// <summary>Counts in frequency and monetary: paid, and neither closed nor refunded.</summary>
        public bool Counts => Status is not ("交易关闭" or "退款成功");
    }
}
