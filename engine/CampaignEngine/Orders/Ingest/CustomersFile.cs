using System.Text;

namespace CampaignEngine.Orders.Ingest;

/// <summary>Reads customers.csv: one row per customer with contact details, birthday, level, tags and opt-outs.</summary>
internal static class CustomersFile
{
    private const int CustomerId = 0, Name = 1, Phone = 2, Email = 3, Group = 4, Birthday = 5, Region = 6, Level = 7, Tags = 8, OptOutColumn = 9;

    public static string? Read(string path, ColumnMapping mapping, OrderHistoryBuilder builder, RejectList rejects, IngestSummary summary)
    {
        var fileName = Path.GetFileName(path);
        var (opened, col, encoding, input, error) = ExportFile.Open(path, mapping, ExportColumn.CustomerColumns, mapping.Customers, "customers");
        if (opened is not { } csv)
        {
            return error;
        }

        using var file = input;
        summary.CustomersEncoding = encoding;
        while (csv.Read())
        {
            summary.CustomerRowsRead++;
            var line = csv.Line;
            var id = FieldParsers.Trim(csv[col[CustomerId]]);
            if (id.IsEmpty)
            {
                Reject("customer_id", "customer id is empty", id);
                continue;
            }

            var birthday = (DateOnly?)null;
            if (col[Birthday] >= 0)
            {
                var text = FieldParsers.Trim(csv[col[Birthday]]);
                if (!FieldParsers.TryParseMoment(text, out var day, out _))
                {
                    Reject("birthday", "not a date (expected yyyy-MM-dd; year 1900 when only month and day are known)", text);
                    continue;
                }

                birthday = day == OrderHistory.NoDay ? null : DateOnly.FromDayNumber(day);
            }

            var optOut = OptOut.None;
            if (col[OptOutColumn] >= 0 && !TryParseOptOut(Text(OptOutColumn), out optOut, out var unknown))
            {
                Reject("opt_out", $"unknown channel '{unknown}' (expected 全部/all or sms|email|wangwang|chat)", csv[col[OptOutColumn]]);
                continue;
            }

            var tags = Text(Tags)?.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var details = new CustomerDetails(Text(Name), Text(Phone), Text(Email), Text(Group), birthday, Text(Region), Text(Level), tags, optOut);
            if (!builder.TryAddCustomer(id, details))
            {
                Reject("customer_id", "duplicate customer id (the first row was kept)", id);
                continue;
            }

            summary.CustomerRowsLoaded++;

            void Reject(string column, string reason, ReadOnlySpan<byte> value)
            {
                summary.CustomerRowsRejected++;
                rejects.Add(fileName, line, column, reason, value);
            }
        }

        return null;

        string? Text(int column)
        {
            if (col[column] < 0)
            {
                return null;
            }

            var bytes = FieldParsers.Trim(csv[col[column]]);
            return bytes.IsEmpty ? null : Encoding.UTF8.GetString(bytes);
        }
    }

    private static bool TryParseOptOut(string? text, out OptOut optOut, out string? unknown)
    {
        optOut = OptOut.None;
        unknown = null;
        if (text is null)
        {
            return true;
        }

        foreach (var part in text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            OptOut? channel = part.ToLowerInvariant() switch
            {
                "全部" or "all" => OptOut.All,
                "sms" or "短信" => OptOut.Sms,
                "email" or "邮件" or "邮箱" => OptOut.Email,
                "wangwang" or "旺旺" => OptOut.Wangwang,
                "chat" or "群" or "客户群" => OptOut.Chat,
                _ => null,
            };
            if (channel is null)
            {
                unknown = part;
                return false;
            }

            optOut |= channel.Value;
        }

        return true;
    }
}
