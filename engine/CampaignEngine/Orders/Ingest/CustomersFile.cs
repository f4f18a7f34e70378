using System.Text;

namespace CampaignEngine.Orders.Ingest;

/// <summary>
/// Reads customers.csv: one row per customer with contact details, birthday, level, tags and opt-outs.
/// Ranges of the file are parsed in parallel (the strings of a million customers are most of the work);
/// rows are added in file order, so customer rows are numbered and duplicates found as in one pass.
/// </summary>
internal static class CustomersFile
{
    private const int CustomerId = 0, Name = 1, Phone = 2, Email = 3, Group = 4, Birthday = 5, Region = 6, Level = 7, Tags = 8, OptOutColumn = 9;

    public static string? Read(string path, ColumnMapping mapping, OrderHistoryBuilder builder, RejectList rejects, IngestSummary summary, long rangeBytes = OrdersFile.DefaultRangeBytes)
    {
        var fileName = Path.GetFileName(path);
        var (opened, error) = RangedExport.Open(path, mapping, ExportColumn.CustomerColumns, mapping.Customers, "customers", rangeBytes);
        if (opened is null)
        {
            return error;
        }

        using var export = opened;
        summary.CustomersEncoding = export.Encoding;
        var col = export.Columns;
        export.Run<CustomerRangeRows>(rows => Parse(rows, col, fileName), (rows, firstLine) => Merge(rows, firstLine - 1, builder, rejects, summary, fileName));
        return null;
    }

    private static void Parse(CustomerRangeRows rows, int[] col, string fileName)
    {
        var csv = new CsvRecordReader(rows.Text, 0, rows.TextLength);
        while (csv.Read())
        {
            rows.RowsRead++;
            var line = csv.Line;
            var id = FieldParsers.Trim(csv[col[CustomerId]]);
            if (id.IsEmpty)
            {
                Reject("customer_id", "customer id is empty", id);
                continue;
            }

            var birthday = OrderHistory.NoDay;
            if (col[Birthday] >= 0)
            {
                var text = FieldParsers.Trim(csv[col[Birthday]]);
                if (!FieldParsers.TryParseMoment(text, out birthday, out _))
                {
                    Reject("birthday", "not a date (expected yyyy-MM-dd; year 1900 when only month and day are known)", text);
                    continue;
                }
            }

            var optOut = OptOut.None;
            if (col[OptOutColumn] >= 0 && !TryParseOptOut(Text(OptOutColumn), out optOut, out var unknown))
            {
                Reject("opt_out", $"unknown channel '{unknown}' (expected 全部/all or sms|email|wangwang|chat)", csv[col[OptOutColumn]]);
                continue;
            }

            var tags = Text(Tags)?.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            rows.Line.Add(line);
            rows.Ids.Add(id);
            rows.Name.Add(Text(Name));
            rows.Phone.Add(Text(Phone));
            rows.Email.Add(Text(Email));
            rows.Group.Add(SharedText(Group));
            rows.Birthday.Add(birthday);
            rows.Region.Add(SharedText(Region));
            rows.Level.Add(SharedText(Level));
            rows.Tags.Add(tags);
            rows.OptOut.Add(optOut);

            void Reject(string column, string reason, ReadOnlySpan<byte> value)
            {
                rows.RowsRejected++;
                rows.Rejects.Add(new Reject(fileName, line, column, reason, Encoding.UTF8.GetString(value)));
            }
        }

        rows.Ended(csv);

        int SharedText(int column)
        {
            var bytes = col[column] < 0 ? [] : FieldParsers.Trim(csv[col[column]]);
            return bytes.IsEmpty ? -1 : rows.Shared.Intern(bytes);
        }

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

    private static void Merge(CustomerRangeRows rows, long lineOffset, OrderHistoryBuilder builder, RejectList rejects, IngestSummary summary, string fileName)
    {
        var next = 0;
        for (var i = 0; i < rows.RowCount; i++)
        {
            var line = rows.Line[i] + lineOffset;
            rows.FlushRejects(rejects.Items, lineOffset, ref next, line);
            if (builder.TryAddCustomer(rows.Ids[i], rows.Name[i], rows.Phone[i], rows.Email[i], Shared(rows.Group[i]), rows.Birthday[i],
                Shared(rows.Region[i]), Shared(rows.Level[i]), rows.Tags[i], rows.OptOut[i]))
            {
                summary.CustomerRowsLoaded++;
            }
            else
            {
                summary.CustomerRowsRejected++;
                rejects.Add(fileName, line, "customer_id", "duplicate customer id (the first row was kept)", rows.Ids[i]);
            }
        }

        rows.FlushRejects(rejects.Items, lineOffset, ref next);
        summary.CustomerRowsRead += rows.RowsRead;

        string? Shared(int id) => id < 0 ? null : rows.Shared.NameOf(id);
        summary.CustomerRowsRejected += rows.RowsRejected;
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
