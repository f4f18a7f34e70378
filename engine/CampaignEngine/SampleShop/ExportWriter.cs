using System.Text;

namespace CampaignEngine.SampleShop;

/// <summary>
/// Writes CSV rows the way the shop export format (docs/data-format) asks: UTF-8 with BOM, RFC 4180
/// quoting, CRLF line ends, times as <c>yyyy-MM-dd HH:mm:ss</c>, money with two decimals. Rows are
/// built in one reusable char buffer and numbers formatted by hand, because a million-customer shop is
/// ten million rows and string formatting would dominate the run.
/// </summary>
internal sealed class ExportWriter : IDisposable
{
    public const long NoMoment = long.MinValue;
    private const int SecondsPerDay = 86_400;

    private readonly StreamWriter _writer;
    private readonly DayTexts _days;
    private char[] _row = new char[512];
    private int _length;
    private bool _rowStarted;

    /// <param name="byteOrderMark">True for the start of a file; false for a block appended to one.</param>
    /// <param name="days">The "yyyy-MM-dd" texts of the period's days, shared by all writers.</param>
    public ExportWriter(Stream stream, bool byteOrderMark, DayTexts days)
    {
        _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: byteOrderMark), 1 << 16, leaveOpen: true);
        _days = days;
    }

    /// <summary>A moment as seconds: day number × 86,400 + seconds into the day (shop-local time).</summary>
    public static long Moment(int dayNumber, int secondOfDay) => ((long)dayNumber * SecondsPerDay) + secondOfDay;

    public static int DayOf(long moment) => (int)(moment / SecondsPerDay);

    public void Header(params string[] names)
    {
        foreach (var name in names)
        {
            Text(name);
        }

        EndRow();
    }

    /// <summary>A text field, quoted only when it holds a comma, quote or line break.</summary>
    public void Text(string? value)
    {
        Separator();
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            Append(value);
            return;
        }

        Append("\"");
        Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        Append("\"");
    }

    public void Number(long value)
    {
        Separator();
        Ensure(20);
        value.TryFormat(_row.AsSpan(_length), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>Fen as yuan with two decimals: 12800 → "128.00".</summary>
    public void Money(long fen)
    {
        Separator();
        Ensure(24);
        if (fen < 0)
        {
            _row[_length++] = '-';
            fen = -fen;
        }

        (fen / 100).TryFormat(_row.AsSpan(_length), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        _length += written;
        var cents = (int)(fen % 100);
        _row[_length++] = '.';
        _row[_length++] = (char)('0' + (cents / 10));
        _row[_length++] = (char)('0' + (cents % 10));
    }

    /// <summary>"yyyy-MM-dd HH:mm:ss", or an empty field for <see cref="NoMoment"/>.</summary>
    public void Time(long moment)
    {
        Separator();
        if (moment == NoMoment)
        {
            return;
        }

        var day = DayOf(moment);
        Append(_days.Of(day));
        var second = (int)(moment - ((long)day * SecondsPerDay));
        Ensure(9);
        _row[_length++] = ' ';
        TwoDigits(second / 3600);
        _row[_length++] = ':';
        TwoDigits(second / 60 % 60);
        _row[_length++] = ':';
        TwoDigits(second % 60);
    }

    public void Date(DateOnly? date)
    {
        Separator();
        if (date is { } d)
        {
            Append(_days.Of(d.DayNumber));
        }
    }

    public void EndRow()
    {
        Append("\r\n");
        _writer.Write(_row, 0, _length);
        _length = 0;
        _rowStarted = false;
    }

    public void Flush() => _writer.Flush();

    public void Dispose() => _writer.Dispose();

    private void Separator()
    {
        if (_rowStarted)
        {
            Ensure(1);
            _row[_length++] = ',';
        }

        _rowStarted = true;
    }

    private void TwoDigits(int value)
    {
        _row[_length++] = (char)('0' + (value / 10));
        _row[_length++] = (char)('0' + (value % 10));
    }

    private void Append(string text)
    {
        Ensure(text.Length);
        text.CopyTo(0, _row, _length, text.Length);
        _length += text.Length;
    }

    private void Ensure(int more)
    {
        if (_length + more > _row.Length)
        {
            Array.Resize(ref _row, Math.Max(_row.Length * 2, _length + more));
        }
    }
}

/// <summary>"yyyy-MM-dd" of every day of the period, formatted once; days outside are formatted on demand.</summary>
internal sealed class DayTexts
{
    private readonly int _first;
    private readonly string[] _texts;

    public DayTexts(int firstDay, int lastDay)
    {
        _first = firstDay;
        _texts = new string[lastDay - firstDay + 1];
        for (var i = 0; i < _texts.Length; i++)
        {
            _texts[i] = Format(firstDay + i);
        }
    }

    public string Of(int day)
    {
        var index = day - _first;
        return index >= 0 && index < _texts.Length ? _texts[index] : Format(day);
    }

    private static string Format(int day)
        => DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
