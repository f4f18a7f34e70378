using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Channels.Tests.Support;

/// <summary>
/// The engine.yaml block of one channel, as the engine hands it over: plain settings, and secrets read from
/// the real process environment by the variable a setting names.
/// </summary>
internal sealed class TestConfiguration(string channelName, IReadOnlyDictionary<string, string> settings) : IChannelConfiguration
{
    public string ChannelName => channelName;

    public string? Get(string key) => settings.GetValueOrDefault(key);

    public string? GetSecret(string key) => Get(key) is { } variable ? Environment.GetEnvironmentVariable(variable) : null;

    /// <summary>A test's channel block: the defaults with the test's own settings laid over them.</summary>
    public static Dictionary<string, string> Settings(Dictionary<string, string> defaults, Dictionary<string, string>? overrides)
    {
        foreach (var (key, value) in overrides ?? [])
        {
            defaults[key] = value;
        }

        return defaults;
    }
}

/// <summary>An environment variable with a name no other test uses, holding a secret for one test.</summary>
internal sealed class SecretVariable : IDisposable
{
    public SecretVariable(string? value)
    {
        Name = "CE_TEST_" + Guid.NewGuid().ToString("N").ToUpperInvariant();
        Value = value;
        Environment.SetEnvironmentVariable(Name, value);
    }

    public string Name { get; }

    public string? Value { get; }

    public void Dispose() => Environment.SetEnvironmentVariable(Name, null);
}
