using System.Globalization;
using System.Text;
using CampaignEngine.Evaluation;

namespace CampaignEngine.Reports;

/// <summary>
/// sends.csv and suppressed.csv, written row by row while the dry-run decides: invariant culture,
/// RFC 4180 quoting, "\n" line ends and a UTF-8 byte-order mark so Excel opens the Chinese text correctly
/// (see <see cref="Utf8CsvWriter"/>).
/// </summary>
internal sealed class ReportCsv : IDisposable
{
    private readonly Utf8CsvWriter? _sends;
    private readonly Utf8CsvWriter? _suppressed;
    // Decisions come in time order, so a few moments and days repeat for thousands of rows in a row.
    private readonly MomentMemo<(byte[] Day, byte[] Moment)> _times = new();

    public ReportCsv(Stream? sends, Stream? suppressed)
    {
        _sends = Start(sends, "day,send_at,campaign,rule,customer_id,occurrence,channel,template,cost_fen,converted,revenue_fen,text\n"u8);
        _suppressed = Start(suppressed, "day,decided_at,campaign,rule,customer_id,occurrence,channel,guard,reason_code,reason,converted,revenue_fen\n"u8);

        static Utf8CsvWriter? Start(Stream? stream, ReadOnlySpan<byte> header)
        {
            if (stream is null)
            {
                return null;
            }

            var writer = new Utf8CsvWriter(stream);
            writer.Field(header[..^1]);
            writer.EndRow();
            return writer;
        }
    }

    /// <summary>Creates (or replaces) the files asked for in the folder; one not asked for is deleted, so no file of an earlier run is taken for this one's.</summary>
    public static ReportCsv In(string folder, bool sends = true, bool suppressed = true)
    {
        Directory.CreateDirectory(folder);
        return new ReportCsv(Open(Path.Combine(folder, "sends.csv"), sends), Open(Path.Combine(folder, "suppressed.csv"), suppressed));

        static FileStream? Open(string path, bool write)
        {
            if (write)
            {
                // Unbuffered: Utf8CsvWriter hands over a megabyte at a time.
                return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
            }

            File.Delete(path);
            return null;
        }
    }

    internal void Send(ReportBuilder builder, in DecisionValue d, PurchaseOutcome outcome)
    {
        if (_sends is not { } w)
        {
            return;
        }

        var (day, moment) = Times(builder, d.SendAt);
        w.Field(day);
        w.Field(moment);
        Identity(w, d);
        w.Field(d.Template);
        w.Field(d.CostFen);
        w.Field(outcome.Converted ? "1"u8 : "0"u8);
        w.Field(outcome.RevenueFen);
        w.Field(d.Message?.Text ?? "");
        w.EndRow();
    }

    internal void Suppressed(ReportBuilder builder, in DecisionValue d, PurchaseOutcome? outcome)
    {
        if (_suppressed is not { } w)
        {
            return;
        }

        var (day, moment) = Times(builder, d.DecidedAt);
        w.Field(day);
        w.Field(moment);
        Identity(w, d);
        w.Field(d.Suppression!.Guard);
        w.Field(d.Suppression.ReasonCode);
        w.Field(d.Suppression.Reason);
        if (outcome is { } o)
        {
            w.Field(o.Converted ? "1"u8 : "0"u8);
            w.Field(o.RevenueFen);
        }
        else
        {
            w.Field(""u8);
            w.Field(""u8);
        }

        w.EndRow();
    }

    public void Dispose()
    {
        try
        {
            _sends?.Dispose();
        }
        finally
        {
            _suppressed?.Dispose();
        }
    }

    /// <summary>The columns both files share after the times: campaign, rule, customer, occurrence, channel.</summary>
    private static void Identity(Utf8CsvWriter w, in DecisionValue d)
    {
        w.Field(d.Campaign);
        w.Field(d.Rule);
        w.Field(d.CustomerId);
        w.Field(d.Occurrence);
        w.Field(d.Channel ?? "");
    }

    private (byte[] Day, byte[] Moment) Times(ReportBuilder builder, DateTimeOffset moment)
        => _times.TryGet(moment, out var texts)
            ? texts
            : _times.Remember(moment, (Encoding.UTF8.GetBytes(builder.DayOf(moment).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Encoding.UTF8.GetBytes(moment.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture))));
}
