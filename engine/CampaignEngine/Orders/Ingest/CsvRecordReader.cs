namespace CampaignEngine.Orders.Ingest;

/// <summary>
/// Reads RFC 4180 records from UTF-8 bytes without allocating per row. The fast path finds a line end
/// and splits on commas with vectorised IndexOf; only lines containing a quote take the slow,
/// quote-aware path (quoted commas, doubled quotes, line breaks inside quotes). Fields are spans into
/// the read buffer, valid until the next <see cref="Read"/>. Over an in-memory range (the parallel
/// ingest's) the buffer is the caller's and is never refilled: fields and <see cref="RecordStart"/> are
/// positions in it.
/// </summary>
internal sealed class CsvRecordReader
{
    private const int MaxFields = 256;
    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private long _nextLine = 1;
    private readonly int[] _fieldStart = new int[MaxFields];
    private readonly int[] _fieldLength = new int[MaxFields];
    private byte[] _scratch = new byte[1024];
    private int _scratchLength;

    public CsvRecordReader(Stream stream)
    {
        _stream = stream;
        _buffer = new byte[1 << 20];
    }

    /// <summary>A reader over <paramref name="length"/> bytes of <paramref name="buffer"/> from <paramref name="start"/>: the whole input.</summary>
    public CsvRecordReader(byte[] buffer, int start, int length)
    {
        _stream = Stream.Null;
        _buffer = buffer;
        _start = start;
        _end = start + length;
        _eof = true;
    }

    /// <summary>Where the current record starts in the buffer (meaningful for an in-memory reader, whose buffer never moves).</summary>
    public int RecordStart { get; private set; }

    /// <summary>Physical lines consumed so far, blank ones and those inside quoted fields included.</summary>
    public long LinesConsumed => _nextLine - 1;

    /// <summary>The 1-based physical line on which the current record starts.</summary>
    public long Line { get; private set; }

    public int FieldCount { get; private set; }

    /// <summary>True when the current record had more than <c>MaxFields</c> fields (the rest are ignored).</summary>
    public bool TooManyFields { get; private set; }

    /// <summary>True when the file ended inside a quoted field.</summary>
    public bool UnterminatedQuote { get; private set; }

    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            if (index >= FieldCount)
            {
                return [];
            }

            var start = _fieldStart[index];
            return start >= 0 ? _buffer.AsSpan(start, _fieldLength[index]) : _scratch.AsSpan(~start, _fieldLength[index]);
        }
    }

    public bool Read()
    {
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var newline = span.IndexOf((byte)'\n');
            if (newline < 0 && !_eof)
            {
                Refill();
                continue;
            }

            if (span.IsEmpty)
            {
                return false;
            }

            var lineLength = newline < 0 ? span.Length : newline;
            var line = span[..lineLength];
            if (line.IndexOf((byte)'"') >= 0)
            {
                if (!TryReadQuoted())
                {
                    Refill();
                    continue;
                }

                return true;
            }

            Line = _nextLine++;
            RecordStart = _start;
            _start += newline < 0 ? span.Length : newline + 1;
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                continue; // blank lines carry nothing; they still count for line numbers
            }

            SplitPlain(line, _start - (newline < 0 ? span.Length : newline + 1));
            UnterminatedQuote = false;
            return true;
        }
    }

    private void SplitPlain(ReadOnlySpan<byte> line, int offset)
    {
        var count = 0;
        var position = 0;
        TooManyFields = false;
        while (true)
        {
            var comma = line[position..].IndexOf((byte)',');
            var length = comma < 0 ? line.Length - position : comma;
            if (count == MaxFields)
            {
                TooManyFields = true;
                break;
            }

            _fieldStart[count] = offset + position;
            _fieldLength[count] = length;
            count++;
            if (comma < 0)
            {
                break;
            }

            position += comma + 1;
        }

        FieldCount = count;
    }

    /// <summary>Parses a record with quotes from <c>_start</c>; false when it runs past the buffered bytes.</summary>
    private bool TryReadQuoted()
    {
        var b = _buffer;
        var p = _start;
        var end = _end;
        var count = 0;
        var lines = 0L;
        _scratchLength = 0;
        TooManyFields = false;
        UnterminatedQuote = false;
        while (true)
        {
            int fieldStart;
            int fieldLength;
            if (p < end && b[p] == (byte)'"')
            {
                var scratchStart = _scratchLength;
                p++;
                while (true)
                {
                    var quote = b.AsSpan(p, end - p).IndexOf((byte)'"');
                    if (quote < 0)
                    {
                        if (!_eof)
                        {
                            return false;
                        }

                        AppendScratch(b.AsSpan(p, end - p), ref lines);
                        p = end;
                        UnterminatedQuote = true;
                        break;
                    }

                    AppendScratch(b.AsSpan(p, quote), ref lines);
                    p += quote + 1;
                    if (p < end && b[p] == (byte)'"')
                    {
                        AppendScratch("\""u8, ref lines);
                        p++;
                        continue;
                    }

                    if (p >= end && !_eof)
                    {
                        return false; // cannot tell "" from a closing quote yet
                    }

                    break;
                }

                // Lenient: text after the closing quote up to the delimiter belongs to the field.
                var rest = b.AsSpan(p, end - p);
                var stop = rest.IndexOfAny((byte)',', (byte)'\n');
                if (stop < 0 && !_eof)
                {
                    return false;
                }

                var tail = stop < 0 ? rest : rest[..stop];
                if (tail.Length > 0 && tail[^1] == (byte)'\r') tail = tail[..^1];
                AppendScratch(tail, ref lines);
                p += stop < 0 ? rest.Length : stop;
                fieldStart = ~scratchStart;
                fieldLength = _scratchLength - scratchStart;
            }
            else
            {
                var rest = b.AsSpan(p, end - p);
                var stop = rest.IndexOfAny((byte)',', (byte)'\n');
                if (stop < 0 && !_eof)
                {
                    return false;
                }

                var length = stop < 0 ? rest.Length : stop;
                fieldStart = p;
                fieldLength = length > 0 && b[p + length - 1] == (byte)'\r' ? length - 1 : length;
                p += length;
            }

            if (count < MaxFields)
            {
                _fieldStart[count] = fieldStart;
                _fieldLength[count] = fieldLength;
                count++;
            }
            else
            {
                TooManyFields = true;
            }

            if (p < end && b[p] == (byte)',')
            {
                p++;
                continue;
            }

            if (p < end)
            {
                p++; // the '\n'
            }

            break;
        }

        FieldCount = count;
        Line = _nextLine;
        _nextLine += lines + 1;
        RecordStart = _start;
        _start = p;
        return true;
    }

    private void AppendScratch(ReadOnlySpan<byte> bytes, ref long lines)
    {
        if (_scratchLength + bytes.Length > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchLength + bytes.Length));
        }

        bytes.CopyTo(_scratch.AsSpan(_scratchLength));
        _scratchLength += bytes.Length;
        lines += bytes.Count((byte)'\n');
    }

    private void Refill()
    {
        var remaining = _end - _start;
        if (_start == 0 && remaining == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2); // one record longer than the buffer
        }
        else if (remaining > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, remaining);
        }

        _start = 0;
        _end = remaining;
        while (_end < _buffer.Length)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
                break;
            }

            _end += read;
        }
    }
}
