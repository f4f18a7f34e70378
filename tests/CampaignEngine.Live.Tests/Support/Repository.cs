namespace CampaignEngine.Live.Tests.Support;

/// <summary>Where the built CLI and plugins are in the source tree the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The CLI as built for this configuration (Debug or Release, like the tests).</summary>
    public static string CampaignDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(Root, "engine", "CampaignEngine.Cli", "bin", configuration, "net10.0", "campaign.dll");
        }
    }

    public static string PluginsDirectory => Path.Combine(Root, "artifacts", "plugins");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CampaignEngine.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the tests must run inside the CampaignEngine source tree");
    }
}
