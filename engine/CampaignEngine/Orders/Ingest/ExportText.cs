using System.Text;

namespace CampaignEngine.Orders.Ingest;

/// <summary>
/// How an export's bytes are encoded: where the text starts (after a BOM), the encoding to turn it into
/// UTF-8 (null: it is UTF-8 already) and how a line break looks in the raw bytes. In UTF-8 and GBK a
/// line break is the byte 0x0A, which never occurs inside a multi-byte character (GBK trail bytes are
/// 0x40–0xFE), so the raw file can be cut after any 0x0A and each piece decoded on its own; in UTF-16
/// it is the code unit U+000A at an even offset.
/// </summary>
internal sealed record ExportText(string Name, int PreambleLength, Encoding? Source)
{
    private bool Utf16 => Source is UnicodeEncoding;

    private bool BigEndian => Source is UnicodeEncoding && Source.CodePage == Encoding.BigEndianUnicode.CodePage;

    /// <summary>Offsets at which a raw read may start so that a line break is never cut (UTF-16: even).</summary>
    public long Align(long offset) => Utf16 ? offset & ~1L : offset;

    /// <summary>
    /// The index just after the first line break that lies wholly in <paramref name="bytes"/>, or -1.
    /// <c>bytes[0]</c> must be at an aligned file offset (<see cref="Align"/>).
    /// </summary>
    public int IndexAfterLineBreak(ReadOnlySpan<byte> bytes)
    {
        if (!Utf16)
        {
            var newline = bytes.IndexOf((byte)'\n');
            return newline < 0 ? -1 : newline + 1;
        }

        for (var from = 0; from < bytes.Length;)
        {
            var found = bytes[from..].IndexOf((byte)'\n');
            if (found < 0)
            {
                return -1;
            }

            var at = from + found;
            var unit = at & ~1;
            var isBreak = BigEndian ? at == unit + 1 && bytes[unit] == 0 : at == unit && unit + 1 < bytes.Length && bytes[unit + 1] == 0;
            if (isBreak)
            {
                return unit + 2;
            }

            from = at + 1;
        }

        return -1;
    }

    /// <summary>The raw bytes decoded from <see cref="Source"/> into UTF-8 in <paramref name="utf8"/> (grown when too small); returns the length.</summary>
    public int ToUtf8(ReadOnlySpan<byte> raw, ref byte[] utf8, ref char[] chars)
    {
        if (Source is null)
        {
            throw new InvalidOperationException("the text is UTF-8 already: read it as it is");
        }

        Ensure(ref chars, Source.GetCharCount(raw));
        var charCount = Source.GetChars(raw, chars);
        Ensure(ref utf8, Encoding.UTF8.GetByteCount(chars.AsSpan(0, charCount)));
        return Encoding.UTF8.GetBytes(chars.AsSpan(0, charCount), utf8);
    }

    private static void Ensure<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            array = new T[Math.Max(length, (int)Math.Min(Array.MaxLength, array.Length * 3L / 2))];
        }
    }
}
