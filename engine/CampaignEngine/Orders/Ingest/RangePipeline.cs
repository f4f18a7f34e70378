using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;

namespace CampaignEngine.Orders.Ingest;

/// <summary>
/// Parses an export's ranges on the thread pool, a few ranges ahead of the merge, and hands them to the
/// merge one at a time in file order; memory stays at a few ranges however big the file. A range that
/// ends inside a quoted field was cut in the wrong place (a field spanning lines crossed the cut): it is
/// parsed again together with the following ranges, whose speculative parses are dropped, until it ends
/// clean.
/// </summary>
internal sealed class RangePipeline<TRows>(SafeFileHandle file, ExportText text, IReadOnlyList<ExportRange> ranges, Action<TRows> parse)
    where TRows : RangeRows, new()
{
    private readonly ConcurrentBag<TRows> _free = [];

    /// <summary>
    /// Calls <paramref name="merge"/> with each parsed range and the file line it starts on; returns the
    /// last range's "ends inside a quote" and the file line of its last record.
    /// </summary>
    public (bool EndsInsideQuote, long LastRecordLine) Run(long firstLine, Action<TRows, long> merge)
    {
        var n = ranges.Count;
        // Enough ranges in flight to keep every core busy while the merge runs, and no more.
        var window = n == 1 ? 1 : Environment.ProcessorCount + 2;
        var parsing = new Task<TRows>?[n];
        var started = 0;
        (bool, long) last = (false, 0);
        for (var i = 0; i < n;)
        {
            for (; started < n && started < i + window; started++)
            {
                var range = ranges[started];
                parsing[started] = n == 1 ? Task.FromResult(Parse(range)) : Task.Run(() => Parse(range));
            }

            var rows = Take(parsing, i);
            var end = i + 1;
            while (rows.EndsInsideQuote && end < n)
            {
                // Twice as many ranges each time: a quote left open early in a big file costs about two
                // passes over it, not one pass per range.
                var wider = Math.Min(n, i + 2 * (end - i));
                for (; end < wider; end++)
                {
                    if (end < started)
                    {
                        _free.Add(Take(parsing, end));
                    }
                }

                _free.Add(rows);
                rows = Parse(new ExportRange(ranges[i].Start, ranges[end - 1].End));
            }

            started = Math.Max(started, end);
            merge(rows, firstLine);
            last = (rows.EndsInsideQuote, firstLine - 1 + rows.LastRecordLine);
            firstLine += rows.LinesConsumed;
            _free.Add(rows);
            i = end;
        }

        return last;
    }

    private static TRows Take(Task<TRows>?[] parsing, int index)
    {
        var rows = parsing[index]!.GetAwaiter().GetResult();
        parsing[index] = null;
        return rows;
    }

    private TRows Parse(ExportRange range)
    {
        var rows = _free.TryTake(out var reused) ? reused : new();
        rows.Clear();
        rows.TextLength = ExportRanges.ReadUtf8(file, text, range, ref rows.Text, ref rows.Raw, ref rows.Chars);
        parse(rows);
        return rows;
    }
}
