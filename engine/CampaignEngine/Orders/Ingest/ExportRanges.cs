using Microsoft.Win32.SafeHandles;

namespace CampaignEngine.Orders.Ingest;

/// <summary>A piece of an export's raw bytes, [Start, End), that begins at a line start.</summary>
internal readonly record struct ExportRange(long Start, long End);

/// <summary>
/// Cuts an export's data rows into byte ranges at line breaks and reads a range as UTF-8, so ranges can
/// be parsed in parallel. A cut may fall inside a quoted field that spans lines; the range before it
/// then ends inside a quote, which the caller detects and repairs by parsing the two ranges as one.
/// </summary>
internal static class ExportRanges
{
    private const int Window = 1 << 16;

    /// <summary>The offset just after <paramref name="lines"/> line breaks from the text start (the file end when it has fewer).</summary>
    public static long SkipLines(SafeFileHandle file, ExportText text, long lines)
    {
        var length = RandomAccess.GetLength(file);
        var position = (long)text.PreambleLength;
        if (lines == 0)
        {
            return position;
        }

        var buffer = new byte[Window];
        while (position < length)
        {
            var read = RandomAccess.Read(file, buffer, position);
            var bytes = buffer.AsSpan(0, read);
            var consumed = 0;
            while (lines > 0)
            {
                var after = text.IndexAfterLineBreak(bytes[consumed..]);
                if (after < 0)
                {
                    break;
                }

                consumed += after;
                lines--;
            }

            if (lines == 0)
            {
                return position + consumed;
            }

            // No break left in this window. Reads start at even offsets and advance by whole code units,
            // so a UTF-16 break never straddles two windows.
            var step = text.Align(read);
            if (step == 0)
            {
                break;
            }

            position += step;
        }

        return length;
    }

    /// <summary>Ranges of about <paramref name="rangeBytes"/> covering [dataStart, end of file), each starting at a line start.</summary>
    public static List<ExportRange> Split(SafeFileHandle file, ExportText text, long dataStart, long rangeBytes)
    {
        var length = RandomAccess.GetLength(file);
        var ranges = new List<ExportRange>();
        var start = dataStart;
        var buffer = new byte[Window];
        while (start < length)
        {
            var end = length - start > rangeBytes ? NextLineStart(file, text, text.Align(start + rangeBytes), length, buffer) : length;
            ranges.Add(new ExportRange(start, end));
            start = end;
        }

        return ranges;
    }

    /// <summary>Reads a range and returns its text as UTF-8 in <paramref name="utf8"/> (grown as needed); the result is its length.</summary>
    public static int ReadUtf8(SafeFileHandle file, ExportText text, ExportRange range, ref byte[] utf8, ref byte[] raw, ref char[] chars)
    {
        if (range.End - range.Start > Array.MaxLength)
        {
            throw new IOException($"a piece of {range.End - range.Start} bytes between line breaks that can be read apart is too large (a quoted field left open?)");
        }

        var length = (int)(range.End - range.Start);
        if (text.Source is null)
        {
            if (utf8.Length < length)
            {
                utf8 = new byte[Math.Max(length, (int)Math.Min(Array.MaxLength, utf8.Length * 3L / 2))];
            }

            ReadExactly(file, utf8.AsSpan(0, length), range.Start);
            return length;
        }

        if (raw.Length < length)
        {
            raw = new byte[length];
        }

        ReadExactly(file, raw.AsSpan(0, length), range.Start);
        return text.ToUtf8(raw.AsSpan(0, length), ref utf8, ref chars);
    }

    private static long NextLineStart(SafeFileHandle file, ExportText text, long from, long length, byte[] buffer)
    {
        for (var position = from; position < length;)
        {
            var read = RandomAccess.Read(file, buffer, position);
            var after = text.IndexAfterLineBreak(buffer.AsSpan(0, read));
            if (after >= 0)
            {
                return position + after;
            }

            var step = text.Align(read);
            if (step == 0)
            {
                break;
            }

            position += step;
        }

        return length;
    }

    private static void ReadExactly(SafeFileHandle file, Span<byte> into, long offset)
    {
        while (!into.IsEmpty)
        {
            var read = RandomAccess.Read(file, into, offset);
            if (read == 0)
            {
                throw new IOException("the file became shorter while it was read");
            }

            into = into[read..];
            offset += read;
        }
    }
}
