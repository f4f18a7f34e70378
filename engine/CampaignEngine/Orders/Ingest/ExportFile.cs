namespace CampaignEngine.Orders.Ingest;

/// <summary>Opens an export, detects its encoding and finds its columns from the header row.</summary>
internal static class ExportFile
{
    /// <summary>The reader positioned after the header and the column indexes, or a fatal error for the whole file.</summary>
    public static (CsvRecordReader? Csv, int[] Columns, string Encoding, IDisposable? Input, string? Error) Open(
        string path, ColumnMapping mapping, ExportColumn[] columns, IReadOnlyDictionary<string, string> overrides, string section)
    {
        var (stream, encoding, error) = ExportEncoding.Open(path, mapping.Encoding);
        if (stream is null)
        {
            return (null, [], "", null, $"{path}: {error}");
        }

        var csv = new CsvRecordReader(stream);
        if (!csv.Read())
        {
            stream.Dispose();
            return (null, [], encoding, null, $"{path}: the file is empty; expected a header row with {string.Join(", ", columns.Where(c => c.Required).Select(c => c.DefaultHeaders[0]))}");
        }

        var (index, headerError) = HeaderMap.Resolve(csv, columns, overrides, section);
        if (headerError is not null)
        {
            stream.Dispose();
            return (null, [], encoding, null, $"{path}:{csv.Line}: {headerError}");
        }

        return (csv, index, encoding, stream, null);
    }
}
