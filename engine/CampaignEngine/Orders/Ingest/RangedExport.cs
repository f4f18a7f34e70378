using Microsoft.Win32.SafeHandles;

namespace CampaignEngine.Orders.Ingest;

/// <summary>
/// An export opened for parallel parsing: its columns found from the header, its encoding, and its data
/// rows cut into byte ranges at line breaks, parsed and merged by <see cref="Run{TRows}"/>.
/// </summary>
internal sealed class RangedExport : IDisposable
{
    private readonly SafeFileHandle _file;
    private readonly ExportText _text;
    private readonly List<ExportRange> _ranges;
    private readonly long _headerLines;
    private readonly bool _headerEndsInsideQuote;
    private readonly long _headerLine;

    private RangedExport(int[] columns, ExportText text, SafeFileHandle file, List<ExportRange> ranges, long headerLines, bool headerEndsInsideQuote, long headerLine)
    {
        Columns = columns;
        _text = text;
        _file = file;
        _ranges = ranges;
        _headerLines = headerLines;
        _headerEndsInsideQuote = headerEndsInsideQuote;
        _headerLine = headerLine;
    }

    /// <summary>Index of each known column in the file (−1 when absent).</summary>
    public int[] Columns { get; }

    /// <summary>The encoding found, as the summary names it.</summary>
    public string Encoding => _text.Name;

    /// <summary>The export ready to parse, or a fatal error for the whole file (binary, no header, required columns missing).</summary>
    public static (RangedExport? Export, string? Error) Open(string path, ColumnMapping mapping, ExportColumn[] columns, IReadOnlyDictionary<string, string> overrides, string section, long rangeBytes)
    {
        var (header, index, _, input, error) = ExportFile.Open(path, mapping, columns, overrides, section);
        if (header is null)
        {
            return (null, error);
        }

        using (input)
        {
            var (text, textError) = ExportEncoding.Detect(path, mapping.Encoding);
            if (text is null)
            {
                return (null, $"{path}: {textError}");
            }

            var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            try
            {
                var ranges = ExportRanges.Split(file, text, ExportRanges.SkipLines(file, text, header.LinesConsumed), rangeBytes);
                return (new RangedExport(index, text, file, ranges, header.LinesConsumed, header.UnterminatedQuote, header.Line), null);
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// Parses the ranges in parallel and merges them in file order (each with the file line it starts
    /// on); returns whether the file ends inside a quoted field and the line of its last record.
    /// </summary>
    public (bool EndsInsideQuote, long LastRecordLine) Run<TRows>(Action<TRows> parse, Action<TRows, long> merge)
        where TRows : RangeRows, new()
        => _ranges.Count == 0
            ? (_headerEndsInsideQuote, _headerLine)
            : new RangePipeline<TRows>(_file, _text, _ranges, parse).Run(_headerLines + 1, merge);

    public void Dispose() => _file.Dispose();
}
