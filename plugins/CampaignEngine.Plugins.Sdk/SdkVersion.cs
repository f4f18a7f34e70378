namespace CampaignEngine.Plugins.Sdk;

/// <summary>
/// The contract's semantic version. A plugin records the SDK version it was built against (its
/// reference to this assembly); the engine loads it when the major versions match and the plugin's
/// minor is not newer than the engine's.
/// </summary>
public static class SdkVersion
{
    public static Version Current { get; } = typeof(SdkVersion).Assembly.GetName().Version ?? new Version(1, 0, 0);

    public static bool IsCompatible(Version builtAgainst)
        => builtAgainst.Major == Current.Major && builtAgainst.Minor <= Current.Minor;
}
