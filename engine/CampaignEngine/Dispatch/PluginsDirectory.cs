namespace CampaignEngine.Dispatch;

/// <summary>
/// Where the channel plugins live, and why that folder was chosen — the <c>plugins</c> command prints
/// the reason so an operator who dropped a plugin in the wrong place sees it at once.
/// </summary>
internal sealed record PluginsDirectory(string Path, string Source)
{
    public const string EnvironmentVariable = "CAMPAIGN_PLUGINS";

    /// <summary>
    /// First of: the <c>--plugins</c> option; <c>plugins_dir:</c> in engine.yaml (relative to that file);
    /// the <c>CAMPAIGN_PLUGINS</c> environment variable; the nearest <c>artifacts/plugins</c> at or above
    /// the current directory (a source checkout, where the built-in channels are built to); the
    /// <c>plugins</c> folder beside the engine's own binaries (an installed engine).
    /// </summary>
    public static PluginsDirectory Find(
        string? option, string? configured, string? configFile, string? environment, string currentDirectory, string appBaseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return new(System.IO.Path.GetFullPath(option, currentDirectory), "--plugins");
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            var baseDirectory = configFile is null ? currentDirectory : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(configFile, currentDirectory))!;
            return new(System.IO.Path.GetFullPath(configured, baseDirectory), $"plugins_dir in {configFile ?? "the engine config"}");
        }

        if (!string.IsNullOrWhiteSpace(environment))
        {
            return new(System.IO.Path.GetFullPath(environment, currentDirectory), $"environment variable {EnvironmentVariable}");
        }

        for (var directory = new DirectoryInfo(currentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "artifacts", "plugins");
            if (Directory.Exists(candidate))
            {
                return new(candidate, "nearest artifacts/plugins above the current directory");
            }
        }

        return new(System.IO.Path.Combine(appBaseDirectory, "plugins"), "plugins folder beside the engine");
    }

    /// <summary>The usual lookup for a command: real environment, current directory and app base.</summary>
    public static PluginsDirectory Find(string? option, string? configured, string? configFile)
        => Find(option, configured, configFile, Environment.GetEnvironmentVariable(EnvironmentVariable),
            Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
}
