using System.Text;
using System.Text.Unicode;

namespace CampaignEngine.Orders.Ingest;

/// <summary>
/// Opens an export as a UTF-8 byte stream. A BOM means UTF-8 (or UTF-16); otherwise the first 64 KiB
/// are tried as strict UTF-8 and, when that fails, the file is GBK (code page 936) — what Excel on a
/// Chinese Windows saves — transcoded on the fly so the parser only ever sees UTF-8.
/// </summary>
internal static class ExportEncoding
{
    private const int SniffBytes = 1 << 16;

    static ExportEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gbk => Encoding.GetEncoding(936);

    /// <summary>The UTF-8 stream and the encoding name found, or an error when the file is binary.</summary>
    public static (Stream? Stream, string Encoding, string? Error) Open(string path, string forced)
    {
        var (text, error) = Detect(path, forced);
        if (text is null)
        {
            return (null, "", error);
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        file.Position = text.PreambleLength;
        return (text.Source is null ? file : System.Text.Encoding.CreateTranscodingStream(file, text.Source, System.Text.Encoding.UTF8), text.Name, null);
    }

    /// <summary>How the file is encoded, or an error when it is binary.</summary>
    public static (ExportText? Text, string? Error) Detect(string path, string forced)
    {
        byte[] head;
        int length;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None))
        {
            head = new byte[SniffBytes];
            length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var sniff = head.AsSpan(0, length);
        if (sniff.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (new ExportText("utf-8 (BOM)", 3, null), null);
        }

        if (sniff.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || sniff.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (new ExportText("utf-16", 2, sniff[0] == 0xFF ? System.Text.Encoding.Unicode : System.Text.Encoding.BigEndianUnicode), null);
        }

        if (sniff.IndexOf((byte)0) >= 0)
        {
            return (null, "is not a CSV text file (it contains binary data — an .xlsx or .zip?). Export it as CSV (UTF-8 or GBK).");
        }

        var useGbk = forced switch
        {
            "gbk" => true,
            "utf-8" => false,
            _ => !LooksLikeUtf8(sniff, length < SniffBytes),
        };
        return (useGbk ? new ExportText("gbk", 0, Gbk) : new ExportText("utf-8", 0, null), null);
    }

    private static bool LooksLikeUtf8(ReadOnlySpan<byte> sniff, bool wholeFile)
    {
        if (!wholeFile)
        {
            // Do not judge a character cut by the sniff window: stop at the last line break.
            var lastBreak = sniff.LastIndexOf((byte)'\n');
            if (lastBreak > 0)
            {
                sniff = sniff[..lastBreak];
            }
        }

        return Utf8.IsValid(sniff);
    }
}
