using System.Text;

namespace CampaignEngine.Orders.Ingest;

/// <summary>A row the ingest did not load, with where it is and why — written to the rejects CSV.</summary>
public sealed record Reject(string File, long Line, string Column, string Reason, string Value);

/// <summary>Collects rejects and writes them as a CSV (UTF-8 with BOM so Excel shows the Chinese).</summary>
internal sealed class RejectList
{
    public List<Reject> Items { get; } = [];

    public void Add(string file, long line, string column, string reason, ReadOnlySpan<byte> value)
        => Items.Add(new Reject(file, line, column, reason, Encoding.UTF8.GetString(value)));

    public void Write(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        writer.WriteLine("file,line,column,reason,value");
        foreach (var r in Items)
        {
            writer.WriteLine(string.Join(',', Quote(r.File), r.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), Quote(r.Column), Quote(r.Reason), Quote(r.Value)));
        }
    }

    private static string Quote(string text)
        => text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
