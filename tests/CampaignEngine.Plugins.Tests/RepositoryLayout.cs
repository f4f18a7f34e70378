namespace CampaignEngine.Plugins.Tests;

/// <summary>Where things are in the source tree the tests run from.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>The sample third-party plugin, as its build leaves it (samples/WebhookChannel).</summary>
    public static string SampleWebhookPlugin => Path.Combine(Root, "artifacts", "samples", "webhook");

    public static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }

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
