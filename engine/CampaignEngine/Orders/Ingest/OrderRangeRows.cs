namespace CampaignEngine.Orders.Ingest;

/// <summary>
/// What a parser made of one range of orders.csv, by column, waiting for the in-order merge: the rows
/// that passed every check a row can pass on its own, with ids interned per range; the rejects of the
/// other rows; counts. Order-level values are kept once per <em>variant</em> — a run of rows of one
/// order with the same values — not once per row. One instance is reused range after range, so its
/// arrays are allocated once.
/// </summary>
internal sealed class OrderRangeRows : RangeRows
{
    // The text is kept until the merge, which re-reads a row to quote a value.

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

    public long RowsSkippedByStatus;

    public int RowCount => Variant.Count;

    public override void Clear()
    {
        base.Clear();
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
        RowsSkippedByStatus = 0;
    }
}
