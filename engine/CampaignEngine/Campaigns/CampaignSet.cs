using CampaignEngine.Campaigns.Configuration;
using CampaignEngine.Dsl.Diagnostics;

namespace CampaignEngine.Campaigns;

/// <summary>
/// The result of loading a campaigns folder: the campaigns that compiled without errors, every diagnostic
/// of every file, the engine configuration in force, and the files that were looked at.
/// </summary>
public sealed record CampaignSet<TContext>(
    IReadOnlyList<Campaign<TContext>> Campaigns,
    IReadOnlyList<Diagnostic> Diagnostics,
    EngineConfig Config,
    IReadOnlyList<string> Files)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
