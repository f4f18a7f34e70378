using System.Runtime.InteropServices;
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

    private readonly List<int> _orderOfName;
    private readonly List<int> _orderName, _orderCustomer, _paidDay, _paidSecond;
    private readonly List<long> _amount;
    private readonly List<OrderStatus> _status;
    private readonly List<int> _shippedDay, _shippedSecond, _arrivedDay, _arrivedSecond, _signedDay, _signedSecond;

    private readonly List<int> _lineOrder, _lineCategory, _lineStyle, _lineQuantity;
    private readonly List<long> _linePrice;

    /// <summary>A builder sized for an expected number of order lines (ingest estimates it from the file size).</summary>
    public OrderHistoryBuilder(int expectedLines = 0)
    {
        var orders = expectedLines * 3 / 4;
        _customerIds = new NameTable(expectedLines / 8, 12);
        _orderIds = new NameTable(orders, 20);
        _orderOfName = new(orders);
        _orderName = new(orders);
        _orderCustomer = new(orders);
        _paidDay = new(orders);
        _paidSecond = new(orders);
        _amount = new(orders);
        _status = new(orders);
        _shippedDay = new(orders);
        _shippedSecond = new(orders);
        _arrivedDay = new(orders);
        _arrivedSecond = new(orders);
        _signedDay = new(orders);
        _signedSecond = new(orders);
        _lineOrder = new(expectedLines);
        _lineCategory = new(expectedLines);
        _lineStyle = new(expectedLines);
        _lineQuantity = new(expectedLines);
        _linePrice = new(expectedLines);
    }

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

    /// <summary>The row of an existing customer, or -1.</summary>
    public int FindCustomer(ReadOnlySpan<byte> customerId) => _customerIds.Find(customerId);

    /// <summary>Adds a customers.csv row; false when the id was already given details (a duplicate row).</summary>
    public bool TryAddCustomer(ReadOnlySpan<byte> customerId, CustomerDetails details)
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
        _names[row] = details.Name;
        _phones[row] = details.Phone;
        _emails[row] = details.Email;
        _groups[row] = Shared(details.Group);
        _regions[row] = Shared(details.Region);
        _levels[row] = Shared(details.Level);
        _birthdays[row] = details.Birthday?.DayNumber ?? OrderHistory.NoDay;
        _optOuts[row] = details.OptOut;
        _customerTags[row] = details.Tags is null ? [] : details.Tags.Select(_tags.Intern).Distinct().Order().ToArray();
        return true;
    }

    /// <summary>The order index of an interned order id, or -1 when no row of it was accepted yet.</summary>
    public int OrderOfName(int orderName) => orderName < _orderOfName.Count ? _orderOfName[orderName] : -1;

    public int AddOrder(int orderName, int customer, int paidDay, int paidSecond, long amountFen, OrderStatus status,
        int shippedDay, int shippedSecond, int arrivedDay, int arrivedSecond, int signedDay, int signedSecond)
    {
        while (_orderOfName.Count <= orderName)
        {
            _orderOfName.Add(-1);
        }

        var order = _orderCustomer.Count;
        _orderOfName[orderName] = order;
        _orderName.Add(orderName);
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

    public OrderHistory Build()
    {
        var customers = CustomerCount;
        var orders = OrderCount;
        var orderCustomer = CollectionsMarshal.AsSpan(_orderCustomer);

        // Counting sort of orders by customer (stable), then by paid time inside each customer.
        var starts = new int[customers + 1];
        foreach (var c in orderCustomer)
        {
            starts[c + 1]++;
        }

        for (var c = 0; c < customers; c++)
        {
            starts[c + 1] += starts[c];
        }

        var perm = new int[orders]; // new position → arrival index
        var next = (int[])starts.Clone();
        for (var o = 0; o < orders; o++)
        {
            perm[next[orderCustomer[o]]++] = o;
        }

        var paidDay = CollectionsMarshal.AsSpan(_paidDay);
        var paidSecond = CollectionsMarshal.AsSpan(_paidSecond);
        var keys = new long[orders];
        for (var i = 0; i < orders; i++)
        {
            var o = perm[i];
            keys[i] = (paidDay[o] == OrderHistory.NoDay ? long.MinValue / 2 : paidDay[o] * 86400L + paidSecond[o]);
        }

        for (var c = 0; c < customers; c++)
        {
            var from = starts[c];
            var length = starts[c + 1] - from;
            if (length > 1)
            {
                SortStable(keys.AsSpan(from, length), perm.AsSpan(from, length));
            }
        }

        var position = new int[orders];
        for (var i = 0; i < orders; i++)
        {
            position[perm[i]] = i;
        }

        // Lines follow their orders, keeping their order inside an order.
        var lines = _lineOrder.Count;
        var lineStarts = new int[orders + 1];
        foreach (var o in CollectionsMarshal.AsSpan(_lineOrder))
        {
            lineStarts[position[o] + 1]++;
        }

        for (var i = 0; i < orders; i++)
        {
            lineStarts[i + 1] += lineStarts[i];
        }

        var lineNext = (int[])lineStarts.Clone();
        var lineCategory = new int[lines];
        var lineStyle = new int[lines];
        var lineQuantity = new int[lines];
        var linePrice = new long[lines];
        for (var l = 0; l < lines; l++)
        {
            var at = lineNext[position[_lineOrder[l]]]++;
            lineCategory[at] = _lineCategory[l];
            lineStyle[at] = _lineStyle[l];
            lineQuantity[at] = _lineQuantity[l];
            linePrice[at] = _linePrice[l];
        }

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

        _orderIds.DropIndex();
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
            OrderCustomer = Permute(_orderCustomer, perm),
            OrderIds = Permute(_orderName, perm),
            OrderIdNames = _orderIds,
            PaidDay = Permute(_paidDay, perm),
            PaidSecond = Permute(_paidSecond, perm),
            AmountFen = Permute(_amount, perm),
            Status = Permute(_status, perm),
            ShippedDay = Permute(_shippedDay, perm),
            ShippedSecond = Permute(_shippedSecond, perm),
            ArrivedDay = Permute(_arrivedDay, perm),
            ArrivedSecond = Permute(_arrivedSecond, perm),
            SignedDay = Permute(_signedDay, perm),
            SignedSecond = Permute(_signedSecond, perm),
            OrderLineStarts = lineStarts,
            LineCategory = lineCategory,
            LineStyle = lineStyle,
            LineQuantity = lineQuantity,
            LineUnitPriceFen = linePrice,
            Categories = _categories,
            Styles = _styles,
        };
    }

    private static T[] Permute<T>(List<T> source, int[] perm)
    {
        var from = CollectionsMarshal.AsSpan(source);
        var result = new T[perm.Length];
        for (var i = 0; i < perm.Length; i++)
        {
            result[i] = from[perm[i]];
        }

        return result;
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
