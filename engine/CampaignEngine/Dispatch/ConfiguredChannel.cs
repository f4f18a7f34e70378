namespace CampaignEngine.Dispatch;

/// <summary>
/// A channel of engine.yaml after loading: the plugin that implements it, the guarded instance when one
/// could be created, and what is wrong. <see cref="Problems"/> keep the channel from existing;
/// <see cref="Warnings"/> (an unset secret variable) leave it usable for checks and cost estimates but
/// will fail real sends.
/// </summary>
internal sealed record ConfiguredChannel(
    string Name,
    string PluginReference,
    ChannelImplementation? Implementation,
    ChannelPlugin? Plugin,
    GuardedChannel? Channel,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Warnings)
{
    public bool IsFine => Channel is not null && Problems.Count == 0 && Warnings.Count == 0;
}
