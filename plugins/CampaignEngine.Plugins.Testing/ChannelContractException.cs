namespace CampaignEngine.Plugins.Testing;

/// <summary>A channel broke the contract; the message says which rule and what the channel did.</summary>
public sealed class ChannelContractException(string rule, string message) : Exception($"{rule}: {message}")
{
    public string Rule { get; } = rule;
}
