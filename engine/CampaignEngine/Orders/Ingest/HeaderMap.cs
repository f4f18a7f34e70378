using System.Text;

namespace CampaignEngine.Orders.Ingest;

/// <summary>
/// Finds each known column in a header row. A file whose header lacks a required column is rejected
/// as a whole with one message naming what is missing — not one reject per row.
/// </summary>
internal static class HeaderMap
{
    /// <summary>Column index per <paramref name="columns"/> entry (−1 when absent), or an error message.</summary>
    public static (int[] Index, string? Error) Resolve(CsvRecordReader header, ExportColumn[] columns, IReadOnlyDictionary<string, string> overrides, string mappingSection)
    {
        var names = new string[header.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Encoding.UTF8.GetString(FieldParsers.Trim(header[i])).Trim().Trim('"').Trim();
        }

        var index = new int[columns.Length];
        var missing = new List<string>();
        for (var c = 0; c < columns.Length; c++)
        {
            var column = columns[c];
            var wanted = overrides.TryGetValue(column.Name, out var mapped) ? [mapped] : column.DefaultHeaders.Append(column.Name).ToArray();
            index[c] = Array.FindIndex(names, n => wanted.Any(w => w.Equals(n, StringComparison.OrdinalIgnoreCase)));
            if (index[c] < 0 && column.Required)
            {
                missing.Add(overrides.ContainsKey(column.Name) ? $"'{mapped}' ({column.Name}, from the mapping file)" : $"{column.DefaultHeaders[0]} ({column.Name})");
            }
        }

        if (missing.Count == 0)
        {
            return (index, null);
        }

        var found = string.Join(", ", names.Take(12).Select(n => n.Length > 40 ? n[..40] + "…" : n));
        var hint = names.Length > 0 && names[0].TrimStart().StartsWith('<')
            ? " The file looks like HTML (a web page or an error page saved as .csv), not a CSV export."
            : $" Rename the headers or map them in mapping.yaml ({mappingSection}: {{ {columns.First(c => c.Required).Name}: <your header> }}).";
        return (index, $"missing required column(s) {string.Join(", ", missing)}. Header found: {found}.{hint}");
    }
}
