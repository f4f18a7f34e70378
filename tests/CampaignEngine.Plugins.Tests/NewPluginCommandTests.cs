using System.Diagnostics;

namespace CampaignEngine.Plugins.Tests;

/// <summary><c>campaign new-plugin</c>: the scaffold builds, passes the contract, and loads as a plugin.</summary>
public sealed class NewPluginCommandTests : IDisposable
{
    private readonly string workspace = PluginCompiler.NewPluginsDirectory();

    [Fact]
    public void The_scaffold_builds_passes_the_channel_contract_and_is_loaded_by_campaign_plugins()
    {
        var (exit, output, error) = CampaignCommand.Run("new-plugin", "Acme.Fax", "--out", workspace, "--repo", RepositoryLayout.Root);
        Assert.True(exit == 0, output + error);
        var project = Path.Combine(workspace, "Acme.Fax");
        Assert.True(File.Exists(Path.Combine(project, "src", "Acme.Fax", "FaxChannel.cs")));
        Assert.Contains("<ExcludeAssets>runtime</ExcludeAssets>", File.ReadAllText(Path.Combine(project, "src", "Acme.Fax", "Acme.Fax.csproj")));

        // The one real build of the test suite: restore, compile plugin and tests, run the contract.
        var (testExit, testOutput) = Dotnet(project, "test", "tests/Acme.Fax.Tests", "--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.True(testExit == 0, testOutput);
        Assert.Contains("Passed!  - Failed:     0, Passed:    10", testOutput);

        var (listExit, listing, listError) = CampaignCommand.Run("plugins", "--plugins", Path.Combine(project, "artifacts", "plugins"));
        Assert.True(listExit == 0, listing + listError);
        Assert.Matches(@"-\s+fax\s+fax\s+Acme\.Fax\.dll\s+0\.1\.0\s+1\.0\.0\s+loaded, not configured", listing);
    }

    [Fact]
    public void A_name_that_is_no_project_name_is_a_usage_error()
    {
        var (exit, _, error) = CampaignCommand.Run("new-plugin", "acme fax!", "--out", workspace, "--repo", RepositoryLayout.Root);

        Assert.Equal(2, exit);
        Assert.Contains("'acme fax!' is not a project name; use letters, digits and dots, like Acme.Fax", error);
    }

    [Fact]
    public void An_existing_folder_is_never_overwritten()
    {
        Directory.CreateDirectory(Path.Combine(workspace, "Acme.Fax"));
        File.WriteAllText(Path.Combine(workspace, "Acme.Fax", "keep.txt"), "mine");

        var (exit, _, error) = CampaignCommand.Run("new-plugin", "Acme.Fax", "--out", workspace, "--repo", RepositoryLayout.Root);

        Assert.Equal(2, exit);
        Assert.Contains("already exists and is not empty", error);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(workspace, "Acme.Fax", "keep.txt")));
    }

    [Fact]
    public void Without_a_source_tree_to_reference_it_asks_for_repo()
    {
        var (exit, _, error) = CampaignCommand.Run("new-plugin", "Acme.Fax", "--out", workspace, "--repo", workspace);

        Assert.Equal(2, exit);
        Assert.Contains("pass --repo PATH_TO_CAMPAIGNENGINE", error);
    }

    private static (int Exit, string Output) Dotnet(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test host's MSBuild variables describe the outer build, not this one.
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "dotnet did not finish within 10 minutes");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    public void Dispose() => Directory.Delete(workspace, recursive: true);
}
