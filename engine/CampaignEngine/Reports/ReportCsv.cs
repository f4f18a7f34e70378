using System.Globalization;
using System.Text;
using CampaignEngine.Evaluation;

namespace CampaignEngine.Reports;

/// <summary>
/// sends.csv and suppressed.csv: one row per decision, invariant culture, RFC 4180 quoting, "\n" line
/// ends and a UTF-8 byte-order mark so Excel opens the Chinese text correctly.
/// </summary>
internal static class ReportCsv
{
    internal static void WriteSends(TextWriter w, ReportBuilder builder)
    {
        w.Write("day,send_at,campaign,rule,customer_id,occurrence,channel,template,cost_fen,converted,revenue_fen,text\n");
        foreach (var (d, outcome) in builder.Sends())
        {
            Row(w, Day(builder, d.SendAt), Moment(d.SendAt), d.Campaign, d.Rule, d.CustomerId, d.Occurrence, d.Channel ?? "", d.Template,
                d.CostFen.ToString(CultureInfo.InvariantCulture), outcome.Converted ? "1" : "0", outcome.RevenueFen.ToString(CultureInfo.InvariantCulture),
                d.Message?.Text ?? "");
        }
    }

    internal static void WriteSuppressed(TextWriter w, ReportBuilder builder)
    {
        w.Write("day,decided_at,campaign,rule,customer_id,occurrence,channel,guard,reason_code,reason,converted,revenue_fen\n");
        foreach (var (d, outcome) in builder.Suppressions())
        {
            Row(w, Day(builder, d.DecidedAt), Moment(d.DecidedAt), d.Campaign, d.Rule, d.CustomerId, d.Occurrence, d.Channel ?? "",
                d.Suppression!.Guard, d.Suppression.ReasonCode, d.Suppression.Reason,
                outcome is { } o ? (o.Converted ? "1" : "0") : "", outcome is { } r ? r.RevenueFen.ToString(CultureInfo.InvariantCulture) : "");
        }
    }

    private static string Day(ReportBuilder builder, DateTimeOffset moment) => builder.DayOf(moment).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Moment(DateTimeOffset moment) => moment.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void Row(TextWriter w, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                w.Write(',');
            }

            w.Write(Quote(fields[i]));
        }

        w.Write('\n');
    }

    internal static string Quote(string field)
        => field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    internal static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
}
