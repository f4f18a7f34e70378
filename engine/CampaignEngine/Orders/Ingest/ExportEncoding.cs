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
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var head = new byte[SniffBytes];
        var length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var sniff = head.AsSpan(0, length);

        if (sniff.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            file.Position = 3;
            return (file, "utf-8 (BOM)", null);
        }

        if (sniff.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || sniff.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var utf16 = sniff[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            file.Position = 2;
            return (Encoding.CreateTranscodingStream(file, utf16, Encoding.UTF8), "utf-16", null);
        }

        if (sniff.IndexOf((byte)0) >= 0)
        {
            file.Dispose();
            return (null, "", "is not a CSV text file (it contains binary data — an .xlsx or .zip?). Export it as CSV (UTF-8 or GBK).");
        }

        file.Position = 0;
        var useGbk = forced switch
        {
            "gbk" => true,
            "utf-8" => false,
            _ => !LooksLikeUtf8(sniff, length < SniffBytes),
        };
        return useGbk ? (Encoding.CreateTranscodingStream(file, Gbk, Encoding.UTF8), "gbk", null) : (file, "utf-8", null);
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
