using System.Text;

namespace CampaignEngine.Reports;

/// <summary>Writes the four report files into a folder (created if missing) and returns the path of report.html.</summary>
internal static class ReportWriter
{
    internal static string Write(string folder, ReportBuilder builder, DryRunReport report)
    {
        Directory.CreateDirectory(folder);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(Path.Combine(folder, "report.json"), ReportJson.Serialize(report) + "\n", utf8);
        using (var sends = new StreamWriter(Path.Combine(folder, "sends.csv"), false, ReportCsv.Utf8WithBom, 1 << 16))
        {
            ReportCsv.WriteSends(sends, builder);
        }

        using (var suppressed = new StreamWriter(Path.Combine(folder, "suppressed.csv"), false, ReportCsv.Utf8WithBom, 1 << 16))
        {
            ReportCsv.WriteSuppressed(suppressed, builder);
        }

        var html = Path.Combine(folder, "report.html");
        File.WriteAllText(html, ReportHtml.Render(report), utf8);
        return html;
    }
}
