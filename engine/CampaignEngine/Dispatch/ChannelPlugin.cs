namespace CampaignEngine.Dispatch;

/// <summary>
/// One folder of the plugins directory and what came of loading it: the channel implementations it
/// provides, or the <see cref="Problem"/> that kept it from loading.
/// </summary>
internal sealed record ChannelPlugin(
    string Name,
    string Folder,
    string? AssemblyPath,
    string? Version,
    Version? SdkVersion,
    IReadOnlyList<ChannelImplementation> Implementations,
    string? Problem)
{
    public bool IsLoaded => Problem is null;

    public string AssemblyFileName => AssemblyPath is null ? "-" : Path.GetFileName(AssemblyPath);

    public ChannelPlugin Refused(string problem) => this with { Implementations = [], Problem = problem };
}
