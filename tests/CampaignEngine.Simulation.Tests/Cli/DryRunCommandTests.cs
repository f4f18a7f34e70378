using CampaignEngine.Cli;
using CampaignEngine.Cli.Commands;
using static CampaignEngine.Simulation.Tests.Tactics.TacticReplay;

namespace CampaignEngine.Simulation.Tests.Cli;

/// <summary>The dry-run command on the shipped campaigns and the sample shop, in-process.</summary>
public sealed class DryRunCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dryrun-cli-" + Guid.NewGuid().ToString("N"));

    private (int Exit, string Out, string Error) Run(string report, string? from = "2025-10-01", string? to = "2025-11-30", string? window = null, string? campaigns = null)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var exit = DryRunCommand.Run(new CliConsole(o, e), campaigns ?? Repo("campaigns"), Repo("campaigns/data"), from, to, Path.Combine(_root, report), window);
        return (exit, o.ToString(), e.ToString());
    }

    [Fact]
    public void The_same_inputs_give_byte_identical_reports()
    {
        var first = Run("a");
        var second = Run("b");

        Assert.Equal(ExitCodes.Ok, first.Exit);
        Assert.Equal(ExitCodes.Ok, second.Exit);
        Assert.Contains("Nothing was sent.", first.Out, StringComparison.Ordinal);
        Assert.Contains($"Report: {Path.Combine(_root, "a", "report.html")}", first.Out, StringComparison.Ordinal);
        Assert.Contains("dry-run: 2025-11-30 (61/61 days)", first.Error, StringComparison.Ordinal);
        foreach (var file in new[] { "report.json", "sends.csv", "suppressed.csv", "report.html" })
        {
            var a = File.ReadAllBytes(Path.Combine(_root, "a", file));
            Assert.True(a.Length > 200, file);
            Assert.Equal(a, File.ReadAllBytes(Path.Combine(_root, "b", file)));
        }

        // The sample shop has no bad rows, so no rejects file is written — and never one into the data folder.
        Assert.False(File.Exists(Path.Combine(_root, "a", "rejects.csv")));
        Assert.False(File.Exists(Path.Combine(Repo("campaigns/data"), "rejects", "rejects.csv")));
    }

    /// <summary>A report folder that cannot be made (here a file stands in its way; a full disk fails the same way) is the machine's problem, said plainly, not "a bug in CampaignEngine".</summary>
    [Fact]
    public void A_report_folder_that_cannot_be_written_is_a_clear_error_with_its_own_exit_code()
    {
        Directory.CreateDirectory(_root);
        var blocker = Path.Combine(_root, "not-a-folder");
        File.WriteAllText(blocker, "");
        var (o, e) = (new StringWriter(), new StringWriter());

        var exit = CampaignCli.Run(["dry-run", Repo("campaigns"), "--data", Repo("campaigns/data"), "--from", "2025-11-01", "--to", "2025-11-02", "--report", Path.Combine(blocker, "out")], o, e);

        Assert.Equal(ExitCodes.FileSystem, exit);
        Assert.Contains("a file could not be read or written", e.ToString(), StringComparison.Ordinal);
        Assert.Contains("free disk space", e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("bug in CampaignEngine", e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Timings_show_the_report_threads_work_beside_the_decisions_handed_to_it()
    {
        var (o, e) = (new StringWriter(), new StringWriter());

        var exit = DryRunCommand.Run(new CliConsole(o, e), Repo("campaigns"), Repo("campaigns/data"), "2025-11-01", "2025-11-07", Path.Combine(_root, "t"), null, showTimings: true);

        Assert.Equal(ExitCodes.Ok, exit);
        var lines = e.ToString().Split('\n');
        var decided = Count(Assert.Single(lines, l => l.TrimStart().StartsWith("decisions ", StringComparison.Ordinal)));
        Assert.True(decided > 0);
        Assert.Equal(decided, Count(Assert.Single(lines, l => l.TrimStart().StartsWith("report ", StringComparison.Ordinal))));
        Assert.Equal(decided, Count(Assert.Single(lines, l => l.TrimStart().StartsWith("its thread ", StringComparison.Ordinal))));

        // "  decisions    0.1 s   1,234 decisions": the count after the seconds.
        static long Count(string line) => long.Parse(line.Split(" s ")[1].Trim().Split(' ')[0], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Bad_rows_of_the_shop_export_are_listed_next_to_the_report_not_in_the_data_folder()
    {
        var data = Path.Combine(_root, "data");
        Directory.CreateDirectory(data);
        foreach (var file in new[] { "orders.csv", "customers.csv" })
        {
            File.Copy(Path.Combine(Repo("campaigns/data"), file), Path.Combine(data, file));
        }

        File.AppendAllText(Path.Combine(data, "orders.csv"), "99900000000000001,lucky506952113,2025-13-45 10:00:00,10.00,交易成功,,,,坏行,裤装,欧美,1,10.00\r\n");
        var (o, e) = (new StringWriter(), new StringWriter());

        var exit = DryRunCommand.Run(new CliConsole(o, e), Repo("campaigns"), data, "2025-11-01", "2025-11-07", Path.Combine(_root, "r"), null);

        Assert.Equal(ExitCodes.Ok, exit);
        var badLine = File.ReadAllLines(Path.Combine(data, "orders.csv")).Length;
        var rejects = File.ReadAllText(Path.Combine(_root, "r", "rejects.csv"));
        Assert.Contains($"orders.csv,{badLine},", rejects, StringComparison.Ordinal);
        Assert.Contains("2025-13-45", rejects, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(data, "rejects")));
    }

    [Theory]
    [InlineData("2025-13-01", null, "--from '2025-13-01' is not a date")]
    [InlineData("2025-12-01", "2025-11-01", "is after --to")]
    public void Bad_dates_are_usage_errors(string from, string? to, string message)
    {
        var (exit, _, error) = Run("x", from, to);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_window_is_a_usage_error()
    {
        var (exit, _, error) = Run("x", window: "7 days");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--window '7 days' is not a window; write whole days between 1 and 90, e.g. 7d or 2w", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Campaign_errors_are_shown_with_their_place_and_nothing_runs()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "bad")).FullName;
        File.WriteAllText(Path.Combine(folder, "broken.yaml"), "campaign: broken\nschedule: daily 10:00\nrules:\n  - rule: r\n    when: frequncy >= 2\n    then: tag \"x\"\n");

        var (exit, _, error) = Run("x", campaigns: folder);

        Assert.Equal(ExitCodes.InputErrors, exit);
        Assert.Contains("broken.yaml:5:11: error", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "x")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, true);
        }
    }
}
