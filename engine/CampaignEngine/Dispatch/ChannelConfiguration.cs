using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Dispatch;

/// <summary>
/// What a plugin sees of its engine.yaml block. Secrets are read from the environment variable a
/// <c>*_env</c> setting names, and every secret value handed out is registered with the channel's
/// <see cref="SecretRedactor"/> so it never shows up in a message of ours.
/// </summary>
internal sealed class ChannelConfiguration(ChannelSettings settings, Func<string, string?> environment, SecretRedactor redactor) : IChannelConfiguration
{
    public string ChannelName => settings.Channel;

    public string? Get(string key) => settings.Values.GetValueOrDefault(key);

    /// <summary>
    /// Accepts the setting's own name (<c>secret_env</c>) or the name without the suffix (<c>secret</c>):
    /// both mean "the variable named by <c>secret_env</c>".
    /// </summary>
    public string? GetSecret(string key)
    {
        var setting = key.EndsWith(ChannelSettings.SecretSuffix, StringComparison.OrdinalIgnoreCase) ? key : key + ChannelSettings.SecretSuffix;
        if (settings.Values.GetValueOrDefault(setting) is not { Length: > 0 } variable)
        {
            return null;
        }

        var value = environment(variable);
        redactor.Add(value);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
