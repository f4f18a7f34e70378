using System.Text;

namespace CampaignEngine.Reports;

/// <summary>Writes report.json and report.html into a folder (sends.csv and suppressed.csv were written during the run) and returns the path of report.html.</summary>
internal static class ReportWriter
{
    internal static string Write(string folder, DryRunReport report)
    {
        Directory.CreateDirectory(folder);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(Path.Combine(folder, "report.json"), ReportJson.Serialize(report) + "\n", utf8);
        var html = Path.Combine(folder, "report.html");
        File.WriteAllText(html, ReportHtml.Render(report), utf8);
        return html;
    }
}
