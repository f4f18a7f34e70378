using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace CampaignEngine.Reports;

/// <summary>
/// CSV rows encoded straight into one large UTF-8 byte buffer that goes to the stream in big chunks:
/// RFC 4180 quoting (a field with a comma, quote or line break is quoted, its quotes doubled), "\n" line
/// ends, and a UTF-8 byte-order mark first so Excel opens the Chinese text correctly. A year's dry-run
/// writes tens of millions of rows; through a StreamWriter each row was copied as chars and transcoded
/// again in its Flush, which was most of the report's time. The bytes are those a StreamWriter with
/// <c>new UTF8Encoding(true)</c> writes for the same text, a broken surrogate included (U+FFFD).
/// </summary>
internal sealed class Utf8CsvWriter : IDisposable
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");
    private readonly Stream _stream;
    private byte[] _buffer;
    private int _used;
    private bool _rowStarted;
    // After a failed write (a full disk) nothing more is written: disposing must not throw a second time over the first.
    private bool _failed;

    public Utf8CsvWriter(Stream stream, int bufferBytes = 1 << 20)
    {
        _stream = stream;
        _buffer = new byte[Math.Max(bufferBytes, 64)];
        "\uFEFF"u8.CopyTo(_buffer);
        _used = 3;
    }

    /// <summary>A text field, quoted when it must be.</summary>
    public void Field(string value)
    {
        var text = value.AsSpan();
        if (text.IndexOfAny(NeedsQuotes) < 0)
        {
            Encode(text, 1);
            return;
        }

        // Quoted: each quote is written twice; the other chars as they are.
        Encode(text, text.Length + 3, quoted: true);
    }

    /// <summary>A field already in UTF-8 that needs no quotes (dates, 0 and 1): written as it is.</summary>
    public void Field(ReadOnlySpan<byte> utf8)
    {
        var at = Reserve(utf8.Length + 1);
        utf8.CopyTo(_buffer.AsSpan(at));
        _used = at + utf8.Length;
    }

    /// <summary>A whole number, invariant culture.</summary>
    public void Field(long number)
    {
        var at = Reserve(21);
        number.TryFormat(_buffer.AsSpan(at), out var written, default, CultureInfo.InvariantCulture);
        _used = at + written;
    }

    public void EndRow()
    {
        if (_used == _buffer.Length)
        {
            Flush();
        }

        _buffer[_used++] = (byte)'\n';
        _rowStarted = false;
    }

    /// <summary>Writes the buffered bytes to the stream.</summary>
    public void Flush()
    {
        if (_failed)
        {
            throw new InvalidOperationException("an earlier write of this CSV file failed");
        }

        if (_used == 0)
        {
            return;
        }

        try
        {
            _stream.Write(_buffer, 0, _used);
            _used = 0;
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_failed)
            {
                Flush();
            }
        }
        finally
        {
            _stream.Dispose();
        }
    }

    private void Encode(ReadOnlySpan<char> text, int extra, bool quoted = false)
    {
        // UTF-8 takes at most 3 bytes per UTF-16 char (a surrogate pair: 4 bytes for 2 chars).
        var at = Reserve((text.Length * 3) + extra + 1);
        if (!quoted)
        {
            Utf8.FromUtf16(text, _buffer.AsSpan(at), out _, out var written);
            _used = at + written;
            return;
        }

        _buffer[at++] = (byte)'"';
        while (true)
        {
            // Up to and including the next quote, which then gets its double.
            var quote = text.IndexOf('"');
            var part = quote < 0 ? text : text[..(quote + 1)];
            Utf8.FromUtf16(part, _buffer.AsSpan(at), out _, out var written);
            at += written;
            if (quote < 0)
            {
                break;
            }

            _buffer[at++] = (byte)'"';
            text = text[(quote + 1)..];
        }

        _buffer[at++] = (byte)'"';
        _used = at;
    }

    /// <summary>Room for a separator and <paramref name="bytes"/> more; writes the separator and returns where the field goes.</summary>
    private int Reserve(int bytes)
    {
        if (_buffer.Length - _used < bytes)
        {
            Flush();
            if (_buffer.Length < bytes)
            {
                _buffer = new byte[bytes];
            }
        }

        if (_rowStarted)
        {
            _buffer[_used++] = (byte)',';
        }

        _rowStarted = true;
        return _used;
    }
}
