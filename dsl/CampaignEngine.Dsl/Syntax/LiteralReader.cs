using System.Globalization;
using System.Text;
using CampaignEngine.Dsl.Diagnostics;
using P = CampaignEngine.Dsl.Generated.CampaignParser;

namespace CampaignEngine.Dsl.Syntax;

/// <summary>Turns literal tokens into values: ¥500 / 500元 → 500.0, 10% → 0.1, 12h → 0.5 days,
/// 2026-11-11 → its day number, 21:00 → 1260 minutes, “文字” → 文字.</summary>
internal static class LiteralReader
{
    // Beyond 15 significant digits a double no longer holds every whole number a marketer might write.
    private const double LargestNumber = 999_999_999_999_999;

    public static LiteralSyntax Read(int tokenType, string text, TextSpan span, DiagnosticBag diagnostics)
    {
        switch (tokenType)
        {
            case P.NUMBER:
                return new(LiteralKind.Number, Number(text, text, span, diagnostics), span);
            case P.MONEY:
                return new(LiteralKind.Money, Number(text.Trim('¥', '￥', '元', ' ', '\t', '\u3000', '\u00A0', '\r', '\n'), text, span, diagnostics), span);
            case P.PERCENT:
                return new(LiteralKind.Percent, Number(text.TrimEnd('%', '％'), text, span, diagnostics) / 100.0, span);
            case P.DURATION:
                return Duration(text, span, diagnostics);
            case P.DATE:
                return Date(text, span, diagnostics);
            case P.TIME:
                return Time(text, span, diagnostics);
            case P.STRING:
                return new(LiteralKind.Text, Unquote(text), span);
            case P.TRUE:
                return new(LiteralKind.Bool, true, span);
            default:
                return new(LiteralKind.Bool, false, span);
        }
    }

    public static string Unquote(string quoted)
    {
        if (quoted.Length < 2)
        {
            return "";
        }

        var inner = quoted[1..^1];
        if (quoted[0] != '"' || !inner.Contains('\\'))
        {
            return inner;
        }

        var result = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
                result.Append(inner[i] switch { 'n' => '\n', 't' => '\t', var c => c });
            }
            else
            {
                result.Append(inner[i]);
            }
        }

        return result.ToString();
    }

    private static double Number(string digits, string text, TextSpan span, DiagnosticBag diagnostics)
    {
        var value = double.Parse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (value > LargestNumber)
        {
            diagnostics.Report(DiagnosticCatalogue.NumberTooLarge, span.Line, span.Column, span.Length, text);
            return 0;
        }

        return value;
    }

    private static LiteralSyntax Duration(string text, TextSpan span, DiagnosticBag diagnostics)
    {
        var unitStart = 0;
        while (unitStart < text.Length && (char.IsAsciiDigit(text[unitStart]) || text[unitStart] == '.'))
        {
            unitStart++;
        }

        var amount = Number(text[..unitStart], text, span, diagnostics);
        var days = text[unitStart..].ToLowerInvariant() switch
        {
            "w" or "周" => amount * 7,
            "h" or "小时" => amount / 24,
            "m" or "分钟" => amount / (24 * 60),
            _ => amount,
        };
        return new(LiteralKind.Duration, days, span);
    }

    private static LiteralSyntax Date(string text, TextSpan span, DiagnosticBag diagnostics)
    {
        var parts = text.Split('-');
        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var month = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var day = int.Parse(parts[2], CultureInfo.InvariantCulture);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            diagnostics.Report(DiagnosticCatalogue.InvalidDate, span.Line, span.Column, span.Length, text);
            return new(LiteralKind.Date, 0, span);
        }

        return new(LiteralKind.Date, new DateOnly(year, month, day).DayNumber, span);
    }

    private static LiteralSyntax Time(string text, TextSpan span, DiagnosticBag diagnostics)
    {
        var parts = text.Split(':', '：');
        var hours = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var minutes = int.Parse(parts[1], CultureInfo.InvariantCulture);
        if (hours > 23 || minutes > 59)
        {
            diagnostics.Report(DiagnosticCatalogue.InvalidTime, span.Line, span.Column, span.Length, text);
            return new(LiteralKind.Time, 0, span);
        }

        return new(LiteralKind.Time, hours * 60 + minutes, span);
    }
}
