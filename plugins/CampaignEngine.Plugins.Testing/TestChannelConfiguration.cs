using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Plugins.Testing;

/// <summary>
/// An <see cref="IChannelConfiguration"/> for tests, with the engine's rules: a secret is the setting
/// <c>KEY_env</c> naming an environment variable, and <see cref="GetSecret"/> accepts <c>KEY</c> or
/// <c>KEY_env</c>. The "environment" is <paramref name="secrets"/> (KEY → value), so tests touch no real
/// variables.
/// </summary>
public sealed class TestChannelConfiguration(
    string channelName,
    IReadOnlyDictionary<string, string>? settings = null,
    IReadOnlyDictionary<string, string>? secrets = null) : IChannelConfiguration
{
    private const string SecretSuffix = "_env";
    private readonly IReadOnlyDictionary<string, string> settings = settings ?? new Dictionary<string, string>();
    private readonly IReadOnlyDictionary<string, string> secrets = secrets ?? new Dictionary<string, string>();

    public string ChannelName { get; } = channelName;

    /// <summary>Every secret value, so the contract can check none of them leaks.</summary>
    public IEnumerable<string> SecretValues => secrets.Values;

    public string? Get(string key)
    {
        if (settings.TryGetValue(key, out var value))
        {
            return value;
        }

        // The config names the variable; make up a name the way an operator would write one.
        var bare = Bare(key);
        return key.EndsWith(SecretSuffix, StringComparison.OrdinalIgnoreCase) && secrets.ContainsKey(bare)
            ? $"TEST_{bare.ToUpperInvariant()}"
            : null;
    }

    public string? GetSecret(string key) => secrets.GetValueOrDefault(Bare(key));

    private static string Bare(string key)
        => key.EndsWith(SecretSuffix, StringComparison.OrdinalIgnoreCase) ? key[..^SecretSuffix.Length] : key;
}
