using System.Text;

namespace CampaignEngine.Orders.Ingest;

/// <summary>
/// Parses one range of orders.csv into <see cref="OrderRangeRows"/>: every check a row can pass on its
/// own (field count, ids, status, times, amounts, quantity, price) runs here, on any thread. What needs
/// the rows before it — is this order id new, is the repeat identical, is the customer new — is left to
/// <see cref="OrderRangeMerger"/>, which takes the ranges in file order. Known customers (customers.csv)
/// are looked up in a table nobody writes to while ranges are parsed.
/// </summary>
internal sealed class OrderRangeParser(int[] col, ColumnMapping mapping, NameTable knownCustomers, string fileName)
{
    private const int OrderId = 0, CustomerId = 1, PaidAt = 2, Amount = 3, Status = 4, ShippedAt = 5, ArrivedAt = 6,
        SignedAt = 7, Category = 9, Style = 10, Quantity = 11, UnitPrice = 12;

    private readonly int _needed = col.Max() + 1;

    /// <summary>Parses <c>rows.Text[..rows.TextLength]</c>, which starts at a line start.</summary>
    public void Parse(OrderRangeRows rows)
    {
        var csv = new CsvRecordReader(rows.Text, 0, rows.TextLength);
        var previousOrder = new AdjacentKey();
        var previousCustomer = new AdjacentKey();
        while (csv.Read())
        {
            rows.RowsRead++;
            var line = csv.Line;
            if (csv.FieldCount < _needed)
            {
                Reject(rows, line, "-", $"row has {csv.FieldCount} fields, the header needs at least {_needed} (a broken line or unquoted comma?)", []);
                continue;
            }

            var orderId = FieldParsers.Trim(csv[col[OrderId]]);
            if (orderId.IsEmpty)
            {
                Reject(rows, line, "order_id", "order id is empty", orderId);
                continue;
            }

            var customerId = FieldParsers.Trim(csv[col[CustomerId]]);
            if (customerId.IsEmpty)
            {
                Reject(rows, line, "customer_id", "customer id is empty", customerId);
                continue;
            }

            var statusText = FieldParsers.Trim(csv[col[Status]]);
            if (!StatusWords.TryParse(statusText, mapping.Statuses, out var status))
            {
                Reject(rows, line, "status", "unknown order status (expected 交易成功, 卖家已发货，等待买家确认, 买家已付款，等待卖家发货, 退款成功, 交易关闭 or paid/shipped/signed/refunded/closed; map others under 'statuses:' in mapping.yaml)", statusText);
                continue;
            }

            if (status == OrderStatus.Closed)
            {
                rows.RowsSkippedByStatus++;
                continue;
            }

            var paidText = FieldParsers.Trim(csv[col[PaidAt]]);
            if (paidText.IsEmpty)
            {
                Reject(rows, line, "paid_at", "paid time is empty for an order that is not closed", paidText);
                continue;
            }

            if (!FieldParsers.TryParseMoment(paidText, out var paidDay, out var paidSecond))
            {
                Reject(rows, line, "paid_at", "not a time (expected yyyy-MM-dd HH:mm:ss)", paidText);
                continue;
            }

            var amountText = FieldParsers.Trim(csv[col[Amount]]);
            if (!FieldParsers.TryParseFen(amountText, out var amountFen))
            {
                Reject(rows, line, "amount", amountText.IsEmpty ? "amount is empty" : "not an amount in yuan (expected e.g. 128.00)", amountText);
                continue;
            }

            if (amountFen < 0)
            {
                Reject(rows, line, "amount", "negative amount paid", amountText);
                continue;
            }

            if (!Moment(csv, rows, col[ShippedAt], "shipped_at", out var shippedDay, out var shippedSecond)
                || !Moment(csv, rows, col[ArrivedAt], "arrived_at", out var arrivedDay, out var arrivedSecond)
                || !Moment(csv, rows, col[SignedAt], "signed_at", out var signedDay, out var signedSecond))
            {
                continue;
            }

            var quantity = 1;
            if (col[Quantity] >= 0)
            {
                var text = FieldParsers.Trim(csv[col[Quantity]]);
                if (!text.IsEmpty && !FieldParsers.TryParseInt(text, out quantity))
                {
                    Reject(rows, line, "quantity", "not a whole number", text);
                    continue;
                }

                if (quantity < 0 && status != OrderStatus.Refunded)
                {
                    Reject(rows, line, "quantity", "negative quantity on an order that is not refunded", text);
                    continue;
                }
            }

            long unitPriceFen = 0;
            if (col[UnitPrice] >= 0)
            {
                var text = FieldParsers.Trim(csv[col[UnitPrice]]);
                if (!text.IsEmpty && !FieldParsers.TryParseFen(text, out unitPriceFen))
                {
                    Reject(rows, line, "unit_price", "not an amount in yuan (expected e.g. 128.00)", text);
                    continue;
                }
            }

            if (!previousOrder.TryGet(orderId, out var order))
            {
                order = rows.OrderIds.Add(orderId);
                previousOrder.Remember(orderId, order);
            }

            if (!previousCustomer.TryGet(customerId, out var customer))
            {
                // Without customers.csv the known table is empty: skip hashing every id for nothing.
                customer = knownCustomers.Count == 0 ? -1 : knownCustomers.Find(customerId);
                if (customer < 0)
                {
                    customer = ~rows.UnknownCustomers.Intern(customerId);
                }

                previousCustomer.Remember(customerId, customer);
            }

            var variant = order < rows.LatestVariant.Count ? rows.LatestVariant[order] : -1;
            if (variant < 0 || !SameVariant(rows, variant, customer, paidDay, paidSecond, amountFen, status, shippedDay, shippedSecond, arrivedDay, arrivedSecond, signedDay, signedSecond))
            {
                variant = AddVariant(rows, order, customer, paidDay, paidSecond, amountFen, status, shippedDay, shippedSecond, arrivedDay, arrivedSecond, signedDay, signedSecond);
            }

            var category = col[Category] >= 0 ? FieldParsers.Trim(csv[col[Category]]) : [];
            var style = col[Style] >= 0 ? FieldParsers.Trim(csv[col[Style]]) : [];
            rows.Line.Add(line);
            rows.RecordStart.Add(csv.RecordStart);
            rows.Variant.Add(variant);
            rows.Category.Add(category.IsEmpty ? -1 : rows.Categories.Intern(category));
            rows.Style.Add(style.IsEmpty ? -1 : rows.Styles.Intern(style));
            rows.Quantity.Add(quantity);
            rows.UnitPrice.Add(unitPriceFen);
        }

        rows.Ended(csv);
    }

    private bool Moment(CsvRecordReader csv, OrderRangeRows rows, int index, string column, out int day, out int second)
    {
        day = OrderHistory.NoDay;
        second = 0;
        if (index < 0)
        {
            return true;
        }

        var text = FieldParsers.Trim(csv[index]);
        if (FieldParsers.TryParseMoment(text, out day, out second))
        {
            return true;
        }

        Reject(rows, csv.Line, column, "not a time (expected yyyy-MM-dd HH:mm:ss, or empty)", text);
        return false;
    }

    private static bool SameVariant(OrderRangeRows r, int v, int customer, int paidDay, int paidSecond, long amountFen, OrderStatus status,
        int shippedDay, int shippedSecond, int arrivedDay, int arrivedSecond, int signedDay, int signedSecond)
        => r.Customer[v] == customer && r.PaidDay[v] == paidDay && r.PaidSecond[v] == paidSecond && r.Amount[v] == amountFen && r.Status[v] == status
           && r.ShippedDay[v] == shippedDay && r.ShippedSecond[v] == shippedSecond && r.ArrivedDay[v] == arrivedDay && r.ArrivedSecond[v] == arrivedSecond
           && r.SignedDay[v] == signedDay && r.SignedSecond[v] == signedSecond;

    private static int AddVariant(OrderRangeRows r, int order, int customer, int paidDay, int paidSecond, long amountFen, OrderStatus status,
        int shippedDay, int shippedSecond, int arrivedDay, int arrivedSecond, int signedDay, int signedSecond)
    {
        var variant = r.VariantOrder.Count;
        r.VariantOrder.Add(order);
        r.Customer.Add(customer);
        r.PaidDay.Add(paidDay);
        r.PaidSecond.Add(paidSecond);
        r.Amount.Add(amountFen);
        r.Status.Add(status);
        r.ShippedDay.Add(shippedDay);
        r.ShippedSecond.Add(shippedSecond);
        r.ArrivedDay.Add(arrivedDay);
        r.ArrivedSecond.Add(arrivedSecond);
        r.SignedDay.Add(signedDay);
        r.SignedSecond.Add(signedSecond);
        if (order == r.LatestVariant.Count)
        {
            r.LatestVariant.Add(variant);
            r.FirstVariant.Add(variant);
        }
        else
        {
            r.LatestVariant[order] = variant;
        }

        return variant;
    }

    private void Reject(OrderRangeRows rows, long line, string column, string reason, ReadOnlySpan<byte> value)
    {
        rows.RowsRejected++;
        rows.Rejects.Add(new Reject(fileName, line, column, reason, Encoding.UTF8.GetString(value)));
    }
}
