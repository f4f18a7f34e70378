using System.Diagnostics;
using System.Globalization;
using CampaignEngine.Reports;

namespace CampaignEngine.Simulation.Tests.Reports;

/// <summary>
/// Renders report.html in headless Chromium (Debian package <c>chromium</c>) with networking off and checks
/// that the page's script ran without error and shows the figures of report.json.
/// </summary>
public sealed class ReportHtmlChromiumTests
{
    [Fact]
    public void Chromium_shows_the_figures_of_report_json_and_the_script_ran()
    {
        var folder = ReportBuilderTests.Write(SampleDecisions.All());
        var report = ReportJson.Deserialize(File.ReadAllText(Path.Combine(folder, "report.json")));

        var dom = Chromium(folder, "--dump-dom", Path.Combine(folder, "report.html"));

        Assert.Contains("data-ok=\"1\"", dom, StringComparison.Ordinal);
        Assert.Contains("id=\"script-ok\"", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"script-error\"", dom, StringComparison.Ordinal);
        Assert.Contains($"id=\"total-sends\">{report.Totals.Sends.ToString("N0", CultureInfo.InvariantCulture)}<", dom, StringComparison.Ordinal);
        Assert.Contains($"id=\"total-customers\">{report.Totals.CustomersReached}<", dom, StringComparison.Ordinal);
        Assert.Contains($"id=\"total-cost\">¥{(report.Totals.CostFen / 100m).ToString("N2", CultureInfo.InvariantCulture)}<", dom, StringComparison.Ordinal);
        Assert.Contains($"id=\"total-suppressed\">{report.Totals.Suppressed}<", dom, StringComparison.Ordinal);
        Assert.Contains("会员促销", dom, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"chart\"", dom, StringComparison.Ordinal);
        Assert.Contains("证据不足", dom, StringComparison.Ordinal);
        Directory.Delete(folder, true);
    }

    [Fact]
    public void A_failing_script_shows_its_error_on_the_page()
    {
        // Proves the check above can fail: corrupt the embedded data so JSON.parse throws.
        var folder = ReportBuilderTests.Write(SampleDecisions.All());
        var html = Path.Combine(folder, "report.html");
        File.WriteAllText(html, File.ReadAllText(html).Replace("id=\"report-data\">{", "id=\"report-data\">{oops", StringComparison.Ordinal));

        var dom = Chromium(folder, "--dump-dom", html);

        Assert.Contains("id=\"script-error\"", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("data-ok=\"1\"", dom, StringComparison.Ordinal);
        Directory.Delete(folder, true);
    }

    internal static string Chromium(string folder, string mode, string page)
    {
        var binary = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("headless Chromium not found: install the Debian package 'chromium' (apt-get install -y chromium)");
        var profile = Path.Combine(folder, "chromium-profile");
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", $"--user-data-dir={profile}", mode, new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Chromium did not finish within 90 s");
        }

        Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
