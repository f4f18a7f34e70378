namespace CampaignEngine.Orders.Ingest;

/// <summary>
/// Reads orders.csv rows into the builder: one row per order line, order-level columns repeated on each
/// line. Every row is loaded, rejected (with line, column, reason) or skipped by status (closed).
/// </summary>
internal static class OrdersFile
{
    private const int OrderId = 0, CustomerId = 1, PaidAt = 2, Amount = 3, Status = 4, ShippedAt = 5, ArrivedAt = 6,
        SignedAt = 7, Category = 9, Style = 10, Quantity = 11, UnitPrice = 12;

    /// <summary>Reads the file; returns a fatal error (not a CSV, header without required columns) or null.</summary>
    public static string? Read(string path, ColumnMapping mapping, OrderHistoryBuilder builder, RejectList rejects, IngestSummary summary)
    {
        var fileName = Path.GetFileName(path);
        var (opened, col, encoding, input, error) = ExportFile.Open(path, mapping, ExportColumn.OrderColumns, mapping.Orders, "orders");
        if (opened is not { } csv)
        {
            return error;
        }

        using var file = input;
        summary.OrdersEncoding = encoding;
        var needed = col.Max() + 1;
        var orderIds = builder.OrderIds;
        var categories = builder.Categories;
        var styles = builder.Styles;
        var previousOrder = new AdjacentKey();
        var previousCustomer = new AdjacentKey();

        while (csv.Read())
        {
            summary.OrderRowsRead++;
            var line = csv.Line;
            if (csv.FieldCount < needed)
            {
                Reject(rejects, summary, fileName, line, "-", $"row has {csv.FieldCount} fields, the header needs at least {needed} (a broken line or unquoted comma?)", []);
                continue;
            }

            var orderId = FieldParsers.Trim(csv[col[OrderId]]);
            if (orderId.IsEmpty)
            {
                Reject(rejects, summary, fileName, line, "order_id", "order id is empty", orderId);
                continue;
            }

            var customerId = FieldParsers.Trim(csv[col[CustomerId]]);
            if (customerId.IsEmpty)
            {
                Reject(rejects, summary, fileName, line, "customer_id", "customer id is empty", customerId);
                continue;
            }

            var statusText = FieldParsers.Trim(csv[col[Status]]);
            if (!StatusWords.TryParse(statusText, mapping.Statuses, out var status))
            {
                Reject(rejects, summary, fileName, line, "status", "unknown order status (expected 交易成功, 卖家已发货，等待买家确认, 买家已付款，等待卖家发货, 退款成功, 交易关闭 or paid/shipped/signed/refunded/closed; map others under 'statuses:' in mapping.yaml)", statusText);
                continue;
            }

            if (status == OrderStatus.Closed)
            {
                summary.OrderRowsSkippedByStatus++;
                continue;
            }

            var paidText = FieldParsers.Trim(csv[col[PaidAt]]);
            if (paidText.IsEmpty)
            {
                Reject(rejects, summary, fileName, line, "paid_at", "paid time is empty for an order that is not closed", paidText);
                continue;
            }

            if (!FieldParsers.TryParseMoment(paidText, out var paidDay, out var paidSecond))
            {
                Reject(rejects, summary, fileName, line, "paid_at", "not a time (expected yyyy-MM-dd HH:mm:ss)", paidText);
                continue;
            }

            var amountText = FieldParsers.Trim(csv[col[Amount]]);
            if (!FieldParsers.TryParseFen(amountText, out var amountFen))
            {
                Reject(rejects, summary, fileName, line, "amount", amountText.IsEmpty ? "amount is empty" : "not an amount in yuan (expected e.g. 128.00)", amountText);
                continue;
            }

            if (amountFen < 0)
            {
                Reject(rejects, summary, fileName, line, "amount", "negative amount paid", amountText);
                continue;
            }

            int shippedDay = OrderHistory.NoDay, shippedSecond = 0, arrivedDay = OrderHistory.NoDay, arrivedSecond = 0, signedDay = OrderHistory.NoDay, signedSecond = 0;
            if (!Moment(col[ShippedAt], "shipped_at", out shippedDay, out shippedSecond)
                || !Moment(col[ArrivedAt], "arrived_at", out arrivedDay, out arrivedSecond)
                || !Moment(col[SignedAt], "signed_at", out signedDay, out signedSecond))
            {
                continue;
            }

            var quantity = 1;
            if (col[Quantity] >= 0)
            {
                var text = FieldParsers.Trim(csv[col[Quantity]]);
                if (!text.IsEmpty && !FieldParsers.TryParseInt(text, out quantity))
                {
                    Reject(rejects, summary, fileName, line, "quantity", "not a whole number", text);
                    continue;
                }

                if (quantity < 0 && status != OrderStatus.Refunded)
                {
                    Reject(rejects, summary, fileName, line, "quantity", "negative quantity on an order that is not refunded", text);
                    continue;
                }
            }

            long unitPriceFen = 0;
            if (col[UnitPrice] >= 0)
            {
                var text = FieldParsers.Trim(csv[col[UnitPrice]]);
                if (!text.IsEmpty && !FieldParsers.TryParseFen(text, out unitPriceFen))
                {
                    Reject(rejects, summary, fileName, line, "unit_price", "not an amount in yuan (expected e.g. 128.00)", text);
                    continue;
                }
            }

            // Lines of one order are usually adjacent: skip the hash lookups for the repeats.
            if (!previousOrder.TryGet(orderId, out var orderName))
            {
                orderName = orderIds.Intern(orderId);
                previousOrder.Remember(orderId, orderName);
            }

            var order = builder.OrderOfName(orderName);
            if (!previousCustomer.TryGet(customerId, out var customer))
            {
                // A repeated order must not create a customer just to find it differs.
                customer = order >= 0 ? builder.FindCustomer(customerId) : builder.CustomerForOrder(customerId);
                if (customer >= 0)
                {
                    previousCustomer.Remember(customerId, customer);
                }
            }

            if (order < 0)
            {
                order = builder.AddOrder(orderName, customer, paidDay, paidSecond, amountFen, status, shippedDay, shippedSecond, arrivedDay, arrivedSecond, signedDay, signedSecond);
                summary.OrdersLoaded++;
            }
            else if (builder.FirstDifference(order, customer, paidDay, paidSecond, amountFen, status, shippedDay, shippedSecond, arrivedDay, arrivedSecond, signedDay, signedSecond) is { } differs)
            {
                Reject(rejects, summary, fileName, line, differs, $"order {System.Text.Encoding.UTF8.GetString(orderId)} appeared earlier with a different {differs} (duplicate order id with different content)", csv[col[OrderColumnIndex(differs)]]);
                continue;
            }

            var category = col[Category] >= 0 ? FieldParsers.Trim(csv[col[Category]]) : [];
            var style = col[Style] >= 0 ? FieldParsers.Trim(csv[col[Style]]) : [];
            builder.AddLine(order, category.IsEmpty ? -1 : categories.Intern(category), style.IsEmpty ? -1 : styles.Intern(style), quantity, unitPriceFen);
            summary.OrderRowsLoaded++;
        }

        if (csv.UnterminatedQuote)
        {
            rejects.Add(fileName, csv.Line, "-", "the file ends inside a quoted field (a missing closing \"); the last row was read up to the end of the file", []);
        }

        return null;

        bool Moment(int index, string column, out int day, out int second)
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

            Reject(rejects, summary, fileName, csv.Line, column, "not a time (expected yyyy-MM-dd HH:mm:ss, or empty)", text);
            return false;
        }
    }

    private static int OrderColumnIndex(string name) => Array.FindIndex(ExportColumn.OrderColumns, c => c.Name == name);

    private static void Reject(RejectList rejects, IngestSummary summary, string file, long line, string column, string reason, ReadOnlySpan<byte> value)
    {
        summary.OrderRowsRejected++;
        rejects.Add(file, line, column, reason, value);
    }
}
