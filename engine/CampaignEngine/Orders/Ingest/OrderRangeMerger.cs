using System.Runtime.InteropServices;
using System.Text;

namespace CampaignEngine.Orders.Ingest;

/// <summary>
/// Adds parsed ranges to the builder strictly in file order, which makes the result independent of how
/// the file was cut: order ids and customers only in orders get their numbers in order of first
/// appearance, a repeated order id is compared with the row accepted first, and rejects come out by line.
/// Customers of customers.csv keep the rows they got there; the others are interned here, apart from the
/// known table the parsers read, and handed to the builder by <see cref="Finish"/>.
/// </summary>
internal sealed class OrderRangeMerger(OrderHistoryBuilder builder, RejectList rejects, IngestSummary summary, int[] col, string fileName)
{
    // Without customers.csv every customer is only in orders: size the table for them, as growing it
    // from empty rehashes a million ids again and again.
    private readonly NameTable _customersOnlyInOrders = new(builder.CustomerIdTable.Count == 0 ? builder.ExpectedCustomers : 0, 12);
    private readonly int _knownCustomers = builder.CustomerIdTable.Count;
    private readonly List<Reject> _duplicates = [];
    private readonly int[][] _ints = [.. Enumerable.Range(0, 10).Select(_ => Array.Empty<int>())];
    private int[] _orderOf = [], _customerOf = [], _categoryOf = [], _styleOf = [], _newVariant = [], _accepted = [], _lineOrder = [], _lineCategory = [], _lineStyle = [];
    private long[] _amounts = [], _prices = [];
    private bool[] _isNew = [];
    private int[] _pending = [], _pendingName = [];
    private OrderStatus[] _statuses = [];

    /// <summary>Merges a range whose first line is <paramref name="firstLine"/> in the file.</summary>
    public void Merge(OrderRangeRows rows, long firstLine)
    {
        var lineOffset = firstLine - 1;
        Map(rows.Categories, builder.Categories, ref _categoryOf);
        Map(rows.Styles, builder.Styles, ref _styleOf);
        Grow(ref _customerOf, rows.UnknownCustomers.Count);
        Array.Fill(_customerOf, -1, 0, rows.UnknownCustomers.Count);

        // Orders new here get the next numbers in order of their first row, which is the range's order
        // order, and their first row's values; an id already known (before, or earlier in this range)
        // makes a repeat, whose rows are all compared below.
        var ordersBefore = builder.OrderCount;
        var localOrders = rows.OrderIds.Count;
        Grow(ref _orderOf, localOrders);
        Grow(ref _isNew, localOrders);
        builder.OrderIds.InternAll(rows.OrderIds, _orderOf);
        var firstVariant = CollectionsMarshal.AsSpan(rows.FirstVariant);
        var newVariants = 0;
        Grow(ref _newVariant, localOrders);
        for (var l = 0; l < localOrders; l++)
        {
            _isNew[l] = _orderOf[l] == ordersBefore + newVariants;
            if (_isNew[l])
            {
                _newVariant[newVariants++] = firstVariant[l];
            }
        }

        var created = _newVariant.AsSpan(0, newVariants);
        var customers = Gather(rows.Customer, created, ref _ints[0]);
        CreateCustomers(rows, customers);

        builder.AddOrders(customers, Gather(rows.PaidDay, created, ref _ints[1]), Gather(rows.PaidSecond, created, ref _ints[2]), Gather(rows.Amount, created, ref _amounts),
            Gather(rows.Status, created, ref _statuses), Gather(rows.ShippedDay, created, ref _ints[3]), Gather(rows.ShippedSecond, created, ref _ints[4]),
            Gather(rows.ArrivedDay, created, ref _ints[5]), Gather(rows.ArrivedSecond, created, ref _ints[6]), Gather(rows.SignedDay, created, ref _ints[7]), Gather(rows.SignedSecond, created, ref _ints[8]));
        summary.OrdersLoaded += newVariants;

        var rowCount = rows.RowCount;
        var variants = CollectionsMarshal.AsSpan(rows.Variant);
        var variantOrder = CollectionsMarshal.AsSpan(rows.VariantOrder);
        var category = CollectionsMarshal.AsSpan(rows.Category);
        var style = CollectionsMarshal.AsSpan(rows.Style);
        Grow(ref _lineOrder, rowCount);
        Grow(ref _lineCategory, rowCount);
        Grow(ref _lineStyle, rowCount);
        Grow(ref _accepted, rowCount);
        var accepted = 0;
        _duplicates.Clear();
        for (var i = 0; i < rowCount; i++)
        {
            var v = variants[i];
            var local = variantOrder[v];
            var order = _orderOf[local];
            if ((!_isNew[local] || v != firstVariant[local])
                && builder.FirstDifference(order, Customer(rows, rows.Customer[v], create: false), rows.PaidDay[v], rows.PaidSecond[v], rows.Amount[v], rows.Status[v],
                    rows.ShippedDay[v], rows.ShippedSecond[v], rows.ArrivedDay[v], rows.ArrivedSecond[v], rows.SignedDay[v], rows.SignedSecond[v]) is { } differs)
            {
                _duplicates.Add(new Reject(fileName, rows.Line[i] + lineOffset, differs,
                    $"order {Encoding.UTF8.GetString(rows.OrderIds[local])} appeared earlier with a different {differs} (duplicate order id with different content)",
                    Encoding.UTF8.GetString(RawField(rows, rows.RecordStart[i], col[Array.FindIndex(ExportColumn.OrderColumns, c => c.Name == differs)]))));
                continue;
            }

            _accepted[accepted] = i;
            _lineOrder[accepted] = order;
            _lineCategory[accepted] = category[i] < 0 ? -1 : _categoryOf[category[i]];
            _lineStyle[accepted] = style[i] < 0 ? -1 : _styleOf[style[i]];
            accepted++;
        }

        var kept = _accepted.AsSpan(0, accepted);
        builder.AddLines(_lineOrder.AsSpan(0, accepted), _lineCategory.AsSpan(0, accepted), _lineStyle.AsSpan(0, accepted),
            accepted == rowCount ? CollectionsMarshal.AsSpan(rows.Quantity) : Gather(rows.Quantity, kept, ref _ints[9]),
            accepted == rowCount ? CollectionsMarshal.AsSpan(rows.UnitPrice) : Gather(rows.UnitPrice, kept, ref _prices));

        // Rejects by line: those of the rows' own content and the duplicates found here.
        var next = 0;
        foreach (var duplicate in _duplicates)
        {
            rows.FlushRejects(rejects.Items, lineOffset, ref next, duplicate.Line);
            rejects.Items.Add(duplicate);
        }

        rows.FlushRejects(rejects.Items, lineOffset, ref next);

        summary.OrderRowsLoaded += accepted;
        summary.OrderRowsRead += rows.RowsRead;
        summary.OrderRowsRejected += rows.RowsRejected + _duplicates.Count;
        summary.OrderRowsSkippedByStatus += rows.RowsSkippedByStatus;
    }

    /// <summary>Gives the builder the ids of the customers found only in orders; call once, after the last range.</summary>
    public void Finish() => builder.AppendCustomerIds(_customersOnlyInOrders);

    /// <summary>
    /// Resolves the customers only in orders named by the range's new orders, creating those not seen
    /// yet in order of first use — as one pass would, since only a new order creates its customer. Their
    /// ids are interned as one batch: without customers.csv that is a hash insert per order, worth
    /// overlapping the memory misses of.
    /// </summary>
    private void CreateCustomers(OrderRangeRows rows, Span<int> customers)
    {
        var pending = 0;
        Grow(ref _pending, rows.UnknownCustomers.Count);
        foreach (var customer in customers)
        {
            if (customer < 0 && _customerOf[~customer] == -1)
            {
                _customerOf[~customer] = -2;
                _pending[pending++] = ~customer;
            }
        }

        Grow(ref _pendingName, pending);
        var known = _customersOnlyInOrders.Count;
        _customersOnlyInOrders.InternAll(rows.UnknownCustomers, _pending.AsSpan(0, pending), _pendingName);
        for (var j = 0; j < pending; j++)
        {
            var name = _pendingName[j];
            var row = _knownCustomers + name;
            if (name == known && builder.AddCustomerWithoutDetails() != row)
            {
                throw new InvalidOperationException("a customer only in orders got a row out of step with its id");
            }

            known += name == known ? 1 : 0;
            _customerOf[_pending[j]] = row;
        }

        for (var k = 0; k < customers.Length; k++)
        {
            if (customers[k] < 0)
            {
                customers[k] = _customerOf[~customers[k]];
            }
        }
    }

    /// <summary>
    /// The builder row of a range's customer. A new order creates a customer it names; a repeated row
    /// only looks one up, so a row that differs from its order cannot create a customer just to differ.
    /// </summary>
    private int Customer(OrderRangeRows rows, int customer, bool create)
    {
        if (customer >= 0)
        {
            return customer;
        }

        var unknown = ~customer;
        if (_customerOf[unknown] >= 0)
        {
            return _customerOf[unknown];
        }

        var id = rows.UnknownCustomers.BytesOf(unknown);
        int row;
        if (create)
        {
            var known = _customersOnlyInOrders.Count;
            var name = _customersOnlyInOrders.Intern(id);
            row = _knownCustomers + name;
            if (name == known && builder.AddCustomerWithoutDetails() != row)
            {
                throw new InvalidOperationException("a customer only in orders got a row out of step with its id");
            }
        }
        else
        {
            var name = _customersOnlyInOrders.Find(id);
            if (name < 0)
            {
                return -1;
            }

            row = _knownCustomers + name;
        }

        _customerOf[unknown] = row;
        return row;
    }

    private static ReadOnlySpan<byte> RawField(OrderRangeRows rows, int recordStart, int column)
    {
        // Rare (a duplicate order id with different content): read the row again for the value as written.
        var csv = new CsvRecordReader(rows.Text, recordStart, rows.TextLength - recordStart);
        return csv.Read() ? csv[column] : [];
    }

    private static Span<T> Gather<T>(List<T> source, ReadOnlySpan<int> index, ref T[] into)
    {
        if (into.Length < index.Length)
        {
            into = new T[Math.Max(index.Length, into.Length * 2)];
        }

        var from = CollectionsMarshal.AsSpan(source);
        for (var k = 0; k < index.Length; k++)
        {
            into[k] = from[index[k]];
        }

        return into.AsSpan(0, index.Length);
    }

    private static void Map(NameTable local, NameTable global, ref int[] map)
    {
        Grow(ref map, local.Count);
        for (var i = 0; i < local.Count; i++)
        {
            map[i] = global.Intern(local.BytesOf(i));
        }
    }

    private static void Grow<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            array = new T[Math.Max(length, array.Length * 2)];
        }
    }
}
