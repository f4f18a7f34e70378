using CampaignEngine.Cli;

namespace CampaignEngine.SampleData.Tests;

/// <summary><c>campaign sample-data</c> run in-process, as a user would type it.</summary>
public sealed class SampleDataCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sample-data-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Writes_both_files_and_a_summary()
    {
        var (code, output, error) = Run("sample-data", "--customers", "300", "--seed", "4", "--out", _directory);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("300 customers", output);
        Assert.Contains("回头率", output);
        Assert.True(new FileInfo(Path.Combine(_directory, "orders.csv")).Length > 10_000);
        Assert.Equal(301, File.ReadAllLines(Path.Combine(_directory, "customers.csv")).Length);
    }

    [Fact]
    public void Period_and_orders_per_customer_options_are_applied()
    {
        var (code, output, _) = Run("sample-data", "--customers", "200", "--seed", "4", "--out", _directory,
            "--start", "2024-01-01", "--end", "2024-06-30", "--orders-per-customer", "5");

        Assert.Equal(0, code);
        Assert.Contains("2024-01-01..2024-06-30", output);
        var (_, rows) = SampleExport.Parse(File.ReadAllBytes(Path.Combine(_directory, "orders.csv")));
        Assert.InRange(rows.Select(r => r[0]).Distinct().Count(), 850, 1150);
        Assert.All(rows.Where(r => r[2].Length > 0), r => Assert.StartsWith("2024-0", r[2]));
    }

    [Theory]
    [InlineData("--customers abc", "--customers needs a whole number")]
    [InlineData("--customers 0", "customers must be between 1")]
    [InlineData("--seed x1", "--seed needs a whole number")]
    [InlineData("--start 2025-13-01", "--start needs a date written yyyy-MM-dd")]
    [InlineData("--start 2025-06-01 --end 2025-01-01", "too short")]
    [InlineData("--orders-per-customer lots", "--orders-per-customer needs a number")]
    [InlineData("--frobnicate 3", "unknown argument '--frobnicate'")]
    public void Bad_arguments_get_a_clear_message_and_exit_code_2(string arguments, string expected)
    {
        var args = new[] { "sample-data", "--out", _directory }.Concat(arguments.Split(' ')).ToArray();

        var (code, _, error) = Run(args);

        Assert.Equal(2, code);
        Assert.Contains(expected, error);
        Assert.Contains("usage: campaign sample-data", error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(File.Exists(Path.Combine(_directory, "orders.csv")));
    }

    [Fact]
    public void An_option_without_its_value_is_a_usage_error()
    {
        var (code, _, error) = Run("sample-data", "--customers", "--out", _directory);

        Assert.Equal(2, code);
        Assert.Contains("--customers needs a value", error);
    }

    [Fact]
    public void A_missing_out_directory_is_a_usage_error()
    {
        var (code, _, error) = Run("sample-data", "--customers", "10");

        Assert.Equal(2, code);
        Assert.Contains("--out is required", error);
    }

    [Fact]
    public void An_out_path_that_is_a_file_is_a_usage_error()
    {
        Directory.CreateDirectory(_directory);
        var file = Path.Combine(_directory, "taken");
        File.WriteAllText(file, "x");

        var (code, _, error) = Run("sample-data", "--customers", "10", "--out", file);

        Assert.Equal(2, code);
        Assert.Contains("is a file", error);
    }

    /// <summary>docs/sample-data.md promises that this exact command reproduces campaigns/data byte for byte.</summary>
    [Fact]
    public void The_shipped_sample_shop_is_regenerated_byte_identically_by_the_documented_command()
    {
        var repository = RepositoryRoot();
        var documented = File.ReadAllLines(Path.Combine(repository, "docs", "sample-data.md"))
            .Single(l => l.StartsWith("campaign sample-data ", StringComparison.Ordinal) && l.Contains("--out campaigns/data", StringComparison.Ordinal));
        var args = documented["campaign ".Length..].Replace("campaigns/data", _directory, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var (code, _, _) = Run(args);

        Assert.Equal(0, code);
        foreach (var file in new[] { "orders.csv", "customers.csv" })
        {
            var shipped = File.ReadAllBytes(Path.Combine(repository, "campaigns", "data", file));
            Assert.True(shipped.Length < 2_000_000, $"{file} is {shipped.Length:N0} bytes; keep the shipped sample under 2 MB");
            Assert.True(shipped.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_directory, file))), $"campaigns/data/{file} differs from what `{documented}` writes; regenerate it");
        }
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CampaignCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CampaignEngine.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Tests must run inside the repository (CampaignEngine.sln not found above " + AppContext.BaseDirectory + ").");
    }
}
