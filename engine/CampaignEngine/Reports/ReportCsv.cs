using System.Globalization;
using System.Text;
using CampaignEngine.Evaluation;

namespace CampaignEngine.Reports;

/// <summary>
/// sends.csv and suppressed.csv, written row by row while the dry-run decides: invariant culture,
/// RFC 4180 quoting, "\n" line ends and a UTF-8 byte-order mark so Excel opens the Chinese text correctly.
/// </summary>
internal sealed class ReportCsv : IDisposable
{
    private static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
    private readonly TextWriter? _sends;
    private readonly TextWriter? _suppressed;
    // Decisions come in time order, so a few moments and days repeat for thousands of rows in a row.
    private readonly Dictionary<DateTimeOffset, (string Day, string Moment)> _times = [];
    private char[] _row = new char[1024];

    public ReportCsv(TextWriter? sends, TextWriter? suppressed)
    {
        _sends = sends;
        _suppressed = suppressed;
        _sends?.Write("day,send_at,campaign,rule,customer_id,occurrence,channel,template,cost_fen,converted,revenue_fen,text\n");
        _suppressed?.Write("day,decided_at,campaign,rule,customer_id,occurrence,channel,guard,reason_code,reason,converted,revenue_fen\n");
    }

    /// <summary>Creates (or replaces) the files asked for in the folder; one not asked for is deleted, so no file of an earlier run is taken for this one's.</summary>
    public static ReportCsv In(string folder, bool sends = true, bool suppressed = true)
    {
        Directory.CreateDirectory(folder);
        return new ReportCsv(Open(Path.Combine(folder, "sends.csv"), sends), Open(Path.Combine(folder, "suppressed.csv"), suppressed));

        static StreamWriter? Open(string path, bool write)
        {
            if (write)
            {
                return new StreamWriter(path, false, Utf8WithBom, 1 << 16);
            }

            File.Delete(path);
            return null;
        }
    }

    internal void Send(ReportBuilder builder, Decision d, PurchaseOutcome outcome)
    {
        if (_sends is null)
        {
            return;
        }

        var (day, moment) = Times(builder, d.SendAt);
        Row(_sends, day, moment, d.Campaign, d.Rule, d.CustomerId, d.Occurrence, d.Channel ?? "", d.Template,
            Fen(d.CostFen), outcome.Converted ? "1" : "0", Fen(outcome.RevenueFen), d.Message?.Text ?? "");
    }

    internal void Suppressed(ReportBuilder builder, Decision d, PurchaseOutcome? outcome)
    {
        if (_suppressed is null)
        {
            return;
        }

        var (day, moment) = Times(builder, d.DecidedAt);
        Row(_suppressed, day, moment, d.Campaign, d.Rule, d.CustomerId, d.Occurrence, d.Channel ?? "",
            d.Suppression!.Guard, d.Suppression.ReasonCode, d.Suppression.Reason,
            outcome is { } o ? (o.Converted ? "1" : "0") : "", outcome is { } r ? Fen(r.RevenueFen) : "");
    }

    public void Dispose()
    {
        _sends?.Dispose();
        _suppressed?.Dispose();
    }

    private (string Day, string Moment) Times(ReportBuilder builder, DateTimeOffset moment)
    {
        if (!_times.TryGetValue(moment, out var texts))
        {
            if (_times.Count > 4096)
            {
                _times.Clear();
            }

            texts = (builder.DayOf(moment).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), moment.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            _times[moment] = texts;
        }

        return texts;
    }

    private static string Fen(long fen) => fen == 0 ? "0" : fen.ToString(CultureInfo.InvariantCulture);

    // One write per row: a StreamWriter call per field cost more than the encoding (tens of millions of rows in a long replay).
    private void Row(TextWriter w, params ReadOnlySpan<string> fields)
    {
        var length = fields.Length;
        foreach (var field in fields)
        {
            length += field.Length + 2;
        }

        if (_row.Length < length * 2)
        {
            _row = new char[Math.Max(length * 2, 1024)];
        }

        var at = 0;
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _row[at++] = ',';
            }

            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
            {
                field.CopyTo(_row.AsSpan(at));
                at += field.Length;
                continue;
            }

            _row[at++] = '"';
            foreach (var c in field)
            {
                if (c == '"')
                {
                    _row[at++] = '"';
                }

                _row[at++] = c;
            }

            _row[at++] = '"';
        }

        _row[at++] = '\n';
        w.Write(_row.AsSpan(0, at));
    }
}
