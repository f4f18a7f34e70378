namespace CampaignEngine.Orders.Ingest;

/// <summary>
/// What every range parser keeps besides its rows: the range's text as UTF-8 (with the buffers used to
/// decode it, reused range after range) and where the range ended — after how many physical lines, on
/// which line its last record started, and whether it ended inside a quoted field.
/// </summary>
internal abstract class RangeRows
{
    public byte[] Text = [];
    public int TextLength;
    public byte[] Raw = [];
    public char[] Chars = [];

    /// <summary>Physical lines the range spans, so the next range knows its first line number.</summary>
    public long LinesConsumed;

    /// <summary>The range ended inside a quoted field: it was cut in the wrong place, or the file ends inside a quote.</summary>
    public bool EndsInsideQuote;

    /// <summary>The relative line (1 = the range's first) of its last record.</summary>
    public long LastRecordLine;

    /// <summary>Rows rejected by their own content, in file order, with lines relative to the range.</summary>
    public readonly List<Reject> Rejects = [];

    public long RowsRead, RowsRejected;

    /// <summary>Records where the reader stopped: call after the last record of the range.</summary>
    public void Ended(CsvRecordReader csv)
    {
        EndsInsideQuote = csv.UnterminatedQuote;
        LastRecordLine = csv.Line;
        LinesConsumed = csv.LinesConsumed;
    }

    /// <summary>Empties the rows for the next range, keeping the arrays.</summary>
    public virtual void Clear()
    {
        TextLength = 0;
        LinesConsumed = LastRecordLine = RowsRead = RowsRejected = 0;
        EndsInsideQuote = false;
        Rejects.Clear();
    }

    /// <summary>Adds the range's own rejects with lines < <paramref name="beforeLine"/> (file lines) to the list, from <paramref name="next"/> on.</summary>
    public void FlushRejects(List<Reject> into, long lineOffset, ref int next, long beforeLine = long.MaxValue)
    {
        while (next < Rejects.Count && Rejects[next].Line + lineOffset < beforeLine)
        {
            var reject = Rejects[next++];
            into.Add(reject with { Line = reject.Line + lineOffset });
        }
    }
}
