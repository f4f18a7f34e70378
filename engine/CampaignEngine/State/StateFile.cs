namespace CampaignEngine.State;

/// <summary>Where the state lives: <c>--state FILE</c>, else <c>$CAMPAIGN_STATE</c>, else <c>campaign-state.db</c> in the current directory.</summary>
internal static class StateFile
{
    public const string EnvironmentVariable = "CAMPAIGN_STATE";

    public const string DefaultName = "campaign-state.db";

    public static string Resolve(string? option)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return Path.GetFullPath(option ?? (string.IsNullOrEmpty(fromEnvironment) ? DefaultName : fromEnvironment));
    }
}
