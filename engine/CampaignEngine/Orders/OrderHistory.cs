using CampaignEngine.Orders.Ingest;

namespace CampaignEngine.Orders;

/// <summary>
/// A shop's customers and paid orders, in memory and by column. Customers are dense rows 0…N−1;
/// their orders sit together (<see cref="CustomerOrderStarts"/>, CSR style) sorted by paid time, so a
/// fact is one pass over a contiguous slice. Times are shop-local day numbers (<see cref="DateOnly.DayNumber"/>)
/// plus seconds of the day; money is integer fen; categories, styles and tags are interned ids.
/// A missing time has day <see cref="int.MinValue"/>.
/// </summary>
public sealed partial class OrderHistory
{
    internal const int NoDay = int.MinValue;

    internal OrderHistory()
    {
    }

    /// <summary>Reads orders.csv (and customers.csv, a column mapping) into a history; bad rows go to the rejects file.</summary>
    public static IngestResult Load(IngestRequest request) => ShopExportLoader.Load(request);

    public int CustomerCount => CustomerIds.Count;

    public int OrderCount => PaidDay.Length;

    public int LineCount => LineCategory.Length;

    // Customers (row = dense customer index).
    internal NameTable CustomerIds { get; init; } = new();
    internal bool[] HasDetails { get; init; } = [];
    internal string?[] Names { get; init; } = [];
    internal string?[] Phones { get; init; } = [];
    internal string?[] Emails { get; init; } = [];
    internal string?[] Groups { get; init; } = [];
    internal string?[] Regions { get; init; } = [];
    internal string?[] Levels { get; init; } = [];
    internal int[] BirthdayDays { get; init; } = [];
    internal OptOut[] OptOuts { get; init; } = [];
    internal int[] TagStarts { get; init; } = [0];
    internal int[] TagIds { get; init; } = [];
    internal NameTable Tags { get; init; } = new();

    // Orders, grouped by customer and sorted by paid time inside each group.
    internal int[] CustomerOrderStarts { get; init; } = [0];
    internal int[] OrderCustomer { get; init; } = [];
    internal int[] OrderIds { get; init; } = [];
    internal NameTable OrderIdNames { get; init; } = new();
    internal int[] PaidDay { get; init; } = [];
    internal int[] PaidSecond { get; init; } = [];
    internal long[] AmountFen { get; init; } = [];
    internal OrderStatus[] Status { get; init; } = [];
    internal int[] ShippedDay { get; init; } = [];
    internal int[] ShippedSecond { get; init; } = [];
    internal int[] ArrivedDay { get; init; } = [];
    internal int[] ArrivedSecond { get; init; } = [];
    internal int[] SignedDay { get; init; } = [];
    internal int[] SignedSecond { get; init; } = [];

    // Lines, grouped by order.
    internal int[] OrderLineStarts { get; init; } = [0];
    internal int[] LineCategory { get; init; } = [];
    internal int[] LineStyle { get; init; } = [];
    internal int[] LineQuantity { get; init; } = [];
    internal long[] LineUnitPriceFen { get; init; } = [];
    internal NameTable Categories { get; init; } = new();
    internal NameTable Styles { get; init; } = new();

    /// <summary>The customer row of an id (买家会员名), or -1.</summary>
    internal int FindCustomer(string customerId) => CustomerIds.Find(customerId);

    internal string CustomerIdOf(int row) => CustomerIds.NameOf(row);

    internal string OrderIdOf(int order) => OrderIdNames.NameOf(OrderIds[order]);

    /// <summary>The last day with any paid or logistics event, or <see cref="NoDay"/> for an empty history.</summary>
    internal int LastEventDay()
    {
        var last = NoDay;
        for (var o = 0; o < OrderCount; o++)
        {
            last = Math.Max(last, Math.Max(Math.Max(PaidDay[o], ShippedDay[o]), Math.Max(ArrivedDay[o], SignedDay[o])));
        }

        return last;
    }

    internal long ApproximateBytes()
    {
        long bytes = 0;
        bytes += CustomerIds.ApproximateBytes + Tags.ApproximateBytes + OrderIdNames.ApproximateBytes + Categories.ApproximateBytes + Styles.ApproximateBytes;
        bytes += (long)CustomerCount * (1 + 6 * 8 + 4 + 1 + 4 + 4);
        bytes += StringBytes(Names) + StringBytes(Phones) + StringBytes(Emails) + StringBytes(Groups);
        bytes += TagIds.LongLength * 4;
        bytes += (long)OrderCount * (4 * 4 + 8 + 1 + 6 * 4 + 4);
        bytes += (long)LineCount * (3 * 4 + 8);
        return bytes;

        static long StringBytes(string?[] values)
        {
            long sum = 0;
            foreach (var s in values)
            {
                sum += s is null ? 0 : 22 + 2L * s.Length;
            }

            return sum;
        }
    }
}
