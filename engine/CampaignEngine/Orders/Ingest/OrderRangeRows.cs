namespace CampaignEngine.Orders.Ingest;

/// <summary>
/// What a parser made of one range of orders.csv, by column, waiting for the in-order merge: the rows
/// that passed every check a row can pass on its own, with ids interned per range; the rejects of the
/// other rows; counts. Order-level values are kept once per <em>variant</em> — a run of rows of one
/// order with the same values — not once per row. One instance is reused range after range, so its
/// arrays are allocated once.
/// </summary>
internal sealed class OrderRangeRows
{
    /// <summary>The range as UTF-8 (<see cref="TextLength"/> bytes); kept until the merge, which re-reads a row to quote a value.</summary>
    public byte[] Text = [];
    public int TextLength;
    public byte[] Raw = [];
    public char[] Chars = [];

    // Rows, in file order. Line is relative to the range (1 = its first line).
    public readonly List<long> Line = [];
    public readonly List<int> RecordStart = [], Variant = [], Category = [], Style = [], Quantity = [];
    public readonly List<long> UnitPrice = [];

    // Variants. Customer: a row of the known customers (customers.csv) when ≥ 0, else ~id in UnknownCustomers.
    public readonly List<int> VariantOrder = [], Customer = [], PaidDay = [], PaidSecond = [];
    public readonly List<long> Amount = [];
    public readonly List<OrderStatus> Status = [];
    public readonly List<int> ShippedDay = [], ShippedSecond = [], ArrivedDay = [], ArrivedSecond = [], SignedDay = [], SignedSecond = [];

    /// <summary>Per order of the range, its latest variant (a row equal to it adds no variant) and its first.</summary>
    public readonly List<int> LatestVariant = [], FirstVariant = [];

    /// <summary>
    /// The range's orders: one per run of adjacent rows with the same order id (lines of an order are
    /// adjacent in every export, so hashing each id here would be work the merge repeats anyway). An id
    /// that comes back later in the range is a second entry, which the merge recognises as a repeat.
    /// </summary>
    public readonly NameList OrderIds = new();

    public readonly NameTable UnknownCustomers = new(), Categories = new(), Styles = new();

    /// <summary>Rows rejected by their own content, in file order, with lines relative to the range.</summary>
    public readonly List<Reject> Rejects = [];

    public long RowsRead, RowsRejected, RowsSkippedByStatus;

    /// <summary>Physical lines the range spans, so the next range knows its first line number.</summary>
    public long LinesConsumed;

    /// <summary>The range ended inside a quoted field: it was cut in the wrong place, or the file ends inside a quote.</summary>
    public bool EndsInsideQuote;

    /// <summary>The relative line of the range's last record.</summary>
    public long LastRecordLine;

    public int RowCount => Variant.Count;

    public void Clear()
    {
        TextLength = 0;
        Line.Clear();
        RecordStart.Clear();
        Variant.Clear();
        Category.Clear();
        Style.Clear();
        Quantity.Clear();
        UnitPrice.Clear();
        VariantOrder.Clear();
        Customer.Clear();
        PaidDay.Clear();
        PaidSecond.Clear();
        Amount.Clear();
        Status.Clear();
        ShippedDay.Clear();
        ShippedSecond.Clear();
        ArrivedDay.Clear();
        ArrivedSecond.Clear();
        SignedDay.Clear();
        SignedSecond.Clear();
        LatestVariant.Clear();
        FirstVariant.Clear();
        OrderIds.Clear();
        UnknownCustomers.Clear();
        Categories.Clear();
        Styles.Clear();
        Rejects.Clear();
        RowsRead = RowsRejected = RowsSkippedByStatus = LinesConsumed = LastRecordLine = 0;
        EndsInsideQuote = false;
    }
}
