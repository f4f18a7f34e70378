using System.Text;

namespace CampaignEngine.Facts.Tests;

/// <summary>A throw-away data directory with export files written by the test.</summary>
internal sealed class TempShop : IDisposable
{
    public TempShop()
    {
        Directory.CreateDirectory(Path);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ce-facts-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes lines joined by CRLF (as Excel does), UTF-8 with BOM unless another encoding is given.</summary>
    public string Write(string name, IEnumerable<string> lines, Encoding? encoding = null, string newline = "\r\n")
    {
        var text = string.Join(newline, lines) + newline;
        var bytes = (encoding ?? new UTF8Encoding(true)).GetPreamble().Concat((encoding ?? Encoding.UTF8).GetBytes(text)).ToArray();
        System.IO.File.WriteAllBytes(File(name), bytes);
        return File(name);
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        System.IO.File.WriteAllBytes(File(name), bytes);
        return File(name);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
