using System.Text;

namespace CampaignEngine.Orders;

/// <summary>
/// Collects customers, orders and lines in any order and builds the grouped, time-sorted
/// <see cref="OrderHistory"/>. Ingest feeds it interned ids from the byte parser; tests and the sample
/// shop use the friendly <see cref="Customer"/> / <see cref="Order"/> overloads, no CSV needed.
/// </summary>
internal sealed class OrderHistoryBuilder
{
    private readonly NameTable _customerIds;
    private readonly NameTable _tags = new();
    private readonly NameTable _orderIds;
    private readonly NameTable _categories = new();
    private readonly NameTable _styles = new();
    private readonly Dictionary<string, string> _sharedTexts = new(StringComparer.Ordinal);

    private readonly List<bool> _hasDetails = [];
    private readonly List<string?> _names = [], _phones = [], _emails = [], _groups = [], _regions = [], _levels = [];
    private readonly List<int> _birthdays = [];
    private readonly List<OptOut> _optOuts = [];
    private readonly List<int[]> _customerTags = [];

    // Orders by arrival: an order's index is also the id of its name in _orderIds (a name is interned
    // exactly when its order is added), so no name column or name → order map is kept.
    private readonly ChunkedColumn<int> _orderCustomer = new(), _paidDay = new(), _paidSecond = new();
    private readonly ChunkedColumn<long> _amount = new();
    private readonly ChunkedColumn<OrderStatus> _status = new();
    private readonly ChunkedColumn<int> _shippedDay = new(), _shippedSecond = new(), _arrivedDay = new(), _arrivedSecond = new(), _signedDay = new(), _signedSecond = new();

    private readonly ChunkedColumn<int> _lineOrder = new(), _lineCategory = new(), _lineStyle = new(), _lineQuantity = new();
    private readonly ChunkedColumn<long> _linePrice = new();

    /// <summary>A builder whose id tables are sized for an expected number of order lines (ingest estimates it from the file size).</summary>
    public OrderHistoryBuilder(int expectedLines = 0)
    {
        ExpectedCustomers = expectedLines / 8;
        _customerIds = new NameTable(ExpectedCustomers, 12);
        _orderIds = new NameTable(expectedLines * 3 / 4, 20);
    }

    /// <summary>How many customers the sizing assumed, for tables that hold customer ids apart.</summary>
    public int ExpectedCustomers { get; }

    public int CustomerCount => _customerIds.Count;

    public int OrderCount => _orderCustomer.Count;

    /// <summary>Customers that exist only because an order named them (no customers.csv row).</summary>
    public int CustomersWithoutDetails { get; private set; }

    internal NameTable Categories => _categories;

    internal NameTable Styles => _styles;

    internal NameTable OrderIds => _orderIds;

    /// <summary>The row of a customer named by an order, creating one with unknown details when new.</summary>
    public int CustomerForOrder(ReadOnlySpan<byte> customerId)
    {
        var row = _customerIds.Intern(customerId);
        if (row == _hasDetails.Count)
        {
            AddEmptyCustomer();
            CustomersWithoutDetails++;
        }

        return row;
    }

    /// <summary>
    /// Adds a row for a customer named only by orders, whose id the caller keeps (ingest interns such ids
    /// apart while range parsers read <see cref="CustomerIdTable"/>) and hands over with
    /// <see cref="AppendCustomerIds"/> before <see cref="Build"/>.
    /// </summary>
    public int AddCustomerWithoutDetails()
    {
        AddEmptyCustomer();
        CustomersWithoutDetails++;
        return _hasDetails.Count - 1;
    }

    /// <summary>Appends ids for the rows added by <see cref="AddCustomerWithoutDetails"/>, in row order.</summary>
    public void AppendCustomerIds(NameTable ids)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (_customerIds.Intern(ids.BytesOf(i)) != _customerIds.Count - 1 || _customerIds.Count > _hasDetails.Count)
            {
                throw new InvalidOperationException("customer ids appended out of step with the rows added for them");
            }
        }
    }

    /// <summary>The customer ids interned so far (customers.csv rows), read-only for the range parsers.</summary>
    internal NameTable CustomerIdTable => _customerIds;

    /// <summary>The row of an existing customer, or -1.</summary>
    public int FindCustomer(ReadOnlySpan<byte> customerId) => _customerIds.Find(customerId);

    /// <summary>Adds a customers.csv row; false when the id was already given details (a duplicate row).</summary>
    public bool TryAddCustomer(ReadOnlySpan<byte> customerId, CustomerDetails details)
        => TryAddCustomer(customerId, details.Name, details.Phone, details.Email, details.Group, details.Birthday?.DayNumber ?? OrderHistory.NoDay,
            details.Region, details.Level, details.Tags, details.OptOut);

    /// <summary>The same, field by field: ingest adds a million rows without a record object each.</summary>
    public bool TryAddCustomer(ReadOnlySpan<byte> customerId, string? name, string? phone, string? email, string? group, int birthdayDay,
        string? region, string? level, IReadOnlyList<string>? tags, OptOut optOut)
    {
        var row = _customerIds.Intern(customerId);
        if (row == _hasDetails.Count)
        {
            AddEmptyCustomer();
        }
        else if (_hasDetails[row])
        {
            return false;
        }
        else
        {
            CustomersWithoutDetails--;
        }

        _hasDetails[row] = true;
        _names[row] = name;
        _phones[row] = phone;
        _emails[row] = email;
        _groups[row] = Shared(group);
        _regions[row] = Shared(region);
        _levels[row] = Shared(level);
        _birthdays[row] = birthdayDay;
        _optOuts[row] = optOut;
        _customerTags[row] = tags is null || tags.Count == 0 ? [] : TagIds(tags);
        return true;
    }

    /// <summary>The tags' ids, sorted and distinct (a loop, not LINQ: it runs for every tagged customer of a million).</summary>
    private int[] TagIds(IReadOnlyList<string> tags)
    {
        var ids = new int[tags.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = _tags.Intern(tags[i]);
        }

        Array.Sort(ids);
        var distinct = ids.Length == 0 ? 0 : 1;
        for (var i = 1; i < ids.Length; i++)
        {
            if (ids[i] != ids[distinct - 1])
            {
                ids[distinct++] = ids[i];
            }
        }

        return distinct == ids.Length ? ids : ids[..distinct];
    }

    /// <summary>The order index of an interned order id, or -1 when no row of it was accepted yet.</summary>
    public int OrderOfName(int orderName) => orderName < OrderCount ? orderName : -1;

    /// <summary>Adds the order whose id was just interned: its name id must be the next order index.</summary>
    public int AddOrder(int orderName, int customer, int paidDay, int paidSecond, long amountFen, OrderStatus status,
        int shippedDay, int shippedSecond, int arrivedDay, int arrivedSecond, int signedDay, int signedSecond)
    {
        var order = OrderCount;
        if (orderName != order)
        {
            throw new InvalidOperationException($"order name {orderName} added as order {order}: names must be interned in the order their orders are added");
        }

        _orderCustomer.Add(customer);
        _paidDay.Add(paidDay);
        _paidSecond.Add(paidSecond);
        _amount.Add(amountFen);
        _status.Add(status);
        _shippedDay.Add(shippedDay);
        _shippedSecond.Add(shippedSecond);
        _arrivedDay.Add(arrivedDay);
        _arrivedSecond.Add(arrivedSecond);
        _signedDay.Add(signedDay);
        _signedSecond.Add(signedSecond);
        return order;
    }

    /// <summary>
    /// Adds orders whose ids were just interned, in name order (the first gets name id
    /// <see cref="OrderCount"/>): the bulk form of <see cref="AddOrder"/> for ingest.
    /// </summary>
    public void AddOrders(ReadOnlySpan<int> customer, ReadOnlySpan<int> paidDay, ReadOnlySpan<int> paidSecond, ReadOnlySpan<long> amountFen, ReadOnlySpan<OrderStatus> status,
        ReadOnlySpan<int> shippedDay, ReadOnlySpan<int> shippedSecond, ReadOnlySpan<int> arrivedDay, ReadOnlySpan<int> arrivedSecond, ReadOnlySpan<int> signedDay, ReadOnlySpan<int> signedSecond)
    {
        if (_orderIds.Count != OrderCount + customer.Length)
        {
            throw new InvalidOperationException($"{customer.Length} orders added for {_orderIds.Count - OrderCount} new order ids: names must be interned in the order their orders are added");
        }

        _orderCustomer.AddRange(customer);
        _paidDay.AddRange(paidDay);
        _paidSecond.AddRange(paidSecond);
        _amount.AddRange(amountFen);
        _status.AddRange(status);
        _shippedDay.AddRange(shippedDay);
        _shippedSecond.AddRange(shippedSecond);
        _arrivedDay.AddRange(arrivedDay);
        _arrivedSecond.AddRange(arrivedSecond);
        _signedDay.AddRange(signedDay);
        _signedSecond.AddRange(signedSecond);
    }

    /// <summary>True when a repeated row of an order carries the same order-level values as the accepted one.</summary>
    public string? FirstDifference(int order, int customer, int paidDay, int paidSecond, long amountFen, OrderStatus status,
        int shippedDay, int shippedSecond, int arrivedDay, int arrivedSecond, int signedDay, int signedSecond)
    {
        if (_orderCustomer[order] != customer) return "customer_id";
        if (_paidDay[order] != paidDay || _paidSecond[order] != paidSecond) return "paid_at";
        if (_amount[order] != amountFen) return "amount";
        if (_status[order] != status) return "status";
        if (_shippedDay[order] != shippedDay || _shippedSecond[order] != shippedSecond) return "shipped_at";
        if (_arrivedDay[order] != arrivedDay || _arrivedSecond[order] != arrivedSecond) return "arrived_at";
        if (_signedDay[order] != signedDay || _signedSecond[order] != signedSecond) return "signed_at";
        return null;
    }

    public void AddLine(int order, int category, int style, int quantity, long unitPriceFen)
    {
        _lineOrder.Add(order);
        _lineCategory.Add(category);
        _lineStyle.Add(style);
        _lineQuantity.Add(quantity);
        _linePrice.Add(unitPriceFen);
    }

    /// <summary>The bulk form of <see cref="AddLine"/>.</summary>
    public void AddLines(ReadOnlySpan<int> order, ReadOnlySpan<int> category, ReadOnlySpan<int> style, ReadOnlySpan<int> quantity, ReadOnlySpan<long> unitPriceFen)
    {
        _lineOrder.AddRange(order);
        _lineCategory.AddRange(category);
        _lineStyle.AddRange(style);
        _lineQuantity.AddRange(quantity);
        _linePrice.AddRange(unitPriceFen);
    }

    // ---- The friendly surface for tests and generated shops. ----

    public OrderHistoryBuilder Customer(string customerId, CustomerDetails? details = null)
    {
        if (!TryAddCustomer(Encoding.UTF8.GetBytes(customerId), details ?? new CustomerDetails()))
        {
            throw new ArgumentException($"customer {customerId} added twice", nameof(customerId));
        }

        return this;
    }

    public OrderHistoryBuilder Order(string orderId, string customerId, DateTime paidAt, decimal amount,
        OrderStatus status = OrderStatus.Signed, DateTime? shippedAt = null, DateTime? arrivedAt = null, DateTime? signedAt = null,
        params OrderLine[] lines)
    {
        var customer = CustomerForOrder(Encoding.UTF8.GetBytes(customerId));
        var name = _orderIds.Intern(orderId);
        if (OrderOfName(name) >= 0)
        {
            throw new ArgumentException($"order {orderId} added twice", nameof(orderId));
        }

        var (pd, ps) = Split(paidAt);
        var (sd, ss) = Split(shippedAt);
        var (ad, @as) = Split(arrivedAt);
        var (gd, gs) = Split(signedAt);
        var order = AddOrder(name, customer, pd, ps, ToFen(amount), status, sd, ss, ad, @as, gd, gs);
        foreach (var line in lines)
        {
            AddLine(order, line.Category is null ? -1 : _categories.Intern(line.Category), line.Style is null ? -1 : _styles.Intern(line.Style),
                line.Quantity, ToFen(line.UnitPrice));
        }

        return this;
    }

    private static long ToFen(decimal yuan) => decimal.ToInt64(decimal.Round(yuan * 100m, MidpointRounding.AwayFromZero));

    private static (int Day, int Second) Split(DateTime? moment)
        => moment is { } m ? (DateOnly.FromDateTime(m).DayNumber, (int)(m.TimeOfDay.Ticks / TimeSpan.TicksPerSecond)) : (OrderHistory.NoDay, 0);

    private string? Shared(string? text)
    {
        // Regions, levels and groups repeat across a million customers: keep one string each.
        if (text is null)
        {
            return null;
        }

        if (!_sharedTexts.TryGetValue(text, out var shared))
        {
            _sharedTexts[text] = shared = text;
        }

        return shared;
    }

    private void AddEmptyCustomer()
    {
        _hasDetails.Add(false);
        _names.Add(null);
        _phones.Add(null);
        _emails.Add(null);
        _groups.Add(null);
        _regions.Add(null);
        _levels.Add(null);
        _birthdays.Add(OrderHistory.NoDay);
        _optOuts.Add(OptOut.None);
        _customerTags.Add([]);
    }

    /// <summary>
    /// Groups orders by customer and sorts them by paid time, lines by order. Each source column is
    /// released as soon as its sorted array exists, so the peak is about one history plus one column,
    /// not two histories.
    /// </summary>
    public OrderHistory Build()
    {
        if (_customerIds.Count != _hasDetails.Count)
        {
            throw new InvalidOperationException($"{_hasDetails.Count - _customerIds.Count} customers without details still lack their ids (AppendCustomerIds)");
        }

        // Order ids are never looked up after ingest: drop their index before the big allocations below.
        _orderIds.DropIndex();
        var customers = CustomerCount;
        var orders = OrderCount;

        // Counting sort of orders by customer (stable), then by paid time inside each customer.
        var starts = new int[customers + 1];
        for (var o = 0; o < orders; o++)
        {
            starts[_orderCustomer[o] + 1]++;
        }

        for (var c = 0; c < customers; c++)
        {
            starts[c + 1] += starts[c];
        }

        var perm = new int[orders]; // new position → arrival index (= order name id)
        using (var next = new NativeBuffer<int>(customers + 1))
        {
            starts.CopyTo(next.Span);
            var nextOf = next.Span;
            for (var o = 0; o < orders; o++)
            {
                perm[nextOf[_orderCustomer[o]]++] = o;
            }
        }

        using (var sortKeys = new NativeBuffer<long>(orders))
        {
            var keys = sortKeys.Span;
            for (var i = 0; i < orders; i++)
            {
                var o = perm[i];
                var day = _paidDay[o];
                keys[i] = day == OrderHistory.NoDay ? long.MinValue / 2 : day * 86400L + _paidSecond[o];
            }

            for (var c = 0; c < customers; c++)
            {
                var from = starts[c];
                var length = starts[c + 1] - from;
                if (length > 1)
                {
                    SortStable(keys.Slice(from, length), perm.AsSpan(from, length));
                }
            }
        }

        // Lines follow their orders, keeping their order inside an order: where each line goes.
        var lines = _lineOrder.Count;
        var lineStarts = new int[orders + 1];
        using var lineAt = new NativeBuffer<int>(lines);
        using (var position = new NativeBuffer<int>(orders))
        {
            var positionOf = position.Span;
            for (var i = 0; i < orders; i++)
            {
                positionOf[perm[i]] = i;
            }

            for (var l = 0; l < lines; l++)
            {
                lineStarts[positionOf[_lineOrder[l]] + 1]++;
            }

            for (var i = 0; i < orders; i++)
            {
                lineStarts[i + 1] += lineStarts[i];
            }

            using var lineNext = new NativeBuffer<int>(orders);
            var nextOf = lineNext.Span;
            lineStarts.AsSpan(0, orders).CopyTo(nextOf);
            var at = lineAt.Span;
            for (var l = 0; l < lines; l++)
            {
                at[l] = nextOf[positionOf[_lineOrder[l]]]++;
            }
        }

        _lineOrder.Release();

        // Columns are independent: gather them on every core, each source released as soon as it is done.
        int[] orderCustomer = [], paidDay = [], paidSecond = [], shippedDay = [], shippedSecond = [], arrivedDay = [], arrivedSecond = [], signedDay = [], signedSecond = [];
        long[] amount = [];
        OrderStatus[] status = [];
        int[] lineCategory = [], lineStyle = [], lineQuantity = [];
        long[] linePrice = [];
        Parallel.Invoke(
            () => orderCustomer = _orderCustomer.GatherAndRelease(perm),
            () => paidDay = _paidDay.GatherAndRelease(perm),
            () => paidSecond = _paidSecond.GatherAndRelease(perm),
            () => amount = _amount.GatherAndRelease(perm),
            () => status = _status.GatherAndRelease(perm),
            () => shippedDay = _shippedDay.GatherAndRelease(perm),
            () => shippedSecond = _shippedSecond.GatherAndRelease(perm),
            () => arrivedDay = _arrivedDay.GatherAndRelease(perm),
            () => arrivedSecond = _arrivedSecond.GatherAndRelease(perm),
            () => signedDay = _signedDay.GatherAndRelease(perm),
            () => signedSecond = _signedSecond.GatherAndRelease(perm),
            () => lineCategory = _lineCategory.ScatterAndRelease(lineAt.Span),
            () => lineStyle = _lineStyle.ScatterAndRelease(lineAt.Span),
            () => lineQuantity = _lineQuantity.ScatterAndRelease(lineAt.Span),
            () => linePrice = _linePrice.ScatterAndRelease(lineAt.Span));

        var tagStarts = new int[customers + 1];
        for (var c = 0; c < customers; c++)
        {
            tagStarts[c + 1] = tagStarts[c] + _customerTags[c].Length;
        }

        var tagIds = new int[tagStarts[customers]];
        for (var c = 0; c < customers; c++)
        {
            _customerTags[c].CopyTo(tagIds, tagStarts[c]);
        }

        return new OrderHistory
        {
            CustomerIds = _customerIds,
            HasDetails = [.. _hasDetails],
            Names = [.. _names],
            Phones = [.. _phones],
            Emails = [.. _emails],
            Groups = [.. _groups],
            Regions = [.. _regions],
            Levels = [.. _levels],
            BirthdayDays = [.. _birthdays],
            OptOuts = [.. _optOuts],
            TagStarts = tagStarts,
            TagIds = tagIds,
            Tags = _tags,
            CustomerOrderStarts = starts,
            OrderCustomer = orderCustomer,
            OrderIds = perm,
            OrderIdNames = _orderIds,
            PaidDay = paidDay,
            PaidSecond = paidSecond,
            AmountFen = amount,
            Status = status,
            ShippedDay = shippedDay,
            ShippedSecond = shippedSecond,
            ArrivedDay = arrivedDay,
            ArrivedSecond = arrivedSecond,
            SignedDay = signedDay,
            SignedSecond = signedSecond,
            OrderLineStarts = lineStarts,
            LineCategory = lineCategory,
            LineStyle = lineStyle,
            LineQuantity = lineQuantity,
            LineUnitPriceFen = linePrice,
            Categories = _categories,
            Styles = _styles,
        };
    }

    /// <summary>Insertion sort: a customer has a handful of orders, and equal times keep file order.</summary>
    private static void SortStable(Span<long> keys, Span<int> items)
    {
        if (keys.Length > 64)
        {
            // Rare giant customers (wholesale buyers): tie-break on arrival index keeps it stable.
            var pairs = new (long Key, int Item)[keys.Length];
            for (var i = 0; i < keys.Length; i++) pairs[i] = (keys[i], items[i]);
            Array.Sort(pairs);
            for (var i = 0; i < keys.Length; i++) (keys[i], items[i]) = pairs[i];
            return;
        }

        for (var i = 1; i < keys.Length; i++)
        {
            var key = keys[i];
            var item = items[i];
            var j = i - 1;
            while (j >= 0 && keys[j] > key)
            {
                keys[j + 1] = keys[j];
                items[j + 1] = items[j];
                j--;
            }

            keys[j + 1] = key;
            items[j + 1] = item;
        }
    }
}
