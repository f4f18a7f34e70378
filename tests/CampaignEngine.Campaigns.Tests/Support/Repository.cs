namespace CampaignEngine.Campaigns.Tests.Support;

/// <summary>Paths into the repository, for tests that check the shipped campaigns.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Campaigns => Path.Combine(Root, "campaigns");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CampaignEngine.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CampaignEngine.sln not found above " + AppContext.BaseDirectory);
    }
}
