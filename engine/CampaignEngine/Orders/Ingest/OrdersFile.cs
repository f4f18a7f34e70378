namespace CampaignEngine.Orders.Ingest;

/// <summary>
/// Reads orders.csv rows into the builder: one row per order line, order-level columns repeated on each
/// line. Every row is loaded, rejected (with line, column, reason) or skipped by status (closed). The
/// data rows are cut into byte ranges at line breaks, parsed in parallel (<see cref="OrderRangeParser"/>)
/// and merged in file order (<see cref="OrderRangeMerger"/>), so the result is the same for any cut.
/// </summary>
internal static class OrdersFile
{
    /// <summary>Small enough that a few ranges in flight cost little memory, big enough that per-range work is noise.</summary>
    public const long DefaultRangeBytes = 8L << 20;

    /// <summary>Reads the file; returns a fatal error (not a CSV, header without required columns) or null.</summary>
    public static string? Read(string path, ColumnMapping mapping, OrderHistoryBuilder builder, RejectList rejects, IngestSummary summary, long rangeBytes = DefaultRangeBytes)
    {
        var fileName = Path.GetFileName(path);
        var (opened, error) = RangedExport.Open(path, mapping, ExportColumn.OrderColumns, mapping.Orders, "orders", rangeBytes);
        if (opened is null)
        {
            return error;
        }

        using var export = opened;
        summary.OrdersEncoding = export.Encoding;
        var parser = new OrderRangeParser(export.Columns, mapping, builder.CustomerIdTable, fileName);
        var merger = new OrderRangeMerger(builder, rejects, summary, export.Columns, fileName);
        var (endsInsideQuote, lastLine) = export.Run<OrderRangeRows>(parser.Parse, merger.Merge);
        merger.Finish();
        if (endsInsideQuote)
        {
            rejects.Add(fileName, lastLine, "-", "the file ends inside a quoted field (a missing closing \"); the last row was read up to the end of the file", []);
        }

        return null;
    }
}
