namespace CampaignEngine.Plugins.Sdk;

/// <summary>
/// A channel's settings from the engine config (<c>channels: sms: endpoint: …</c>). Secrets are never
/// written in config or campaign files: the config names an environment variable
/// (<c>secret_env: SMS_SECRET</c>) and <see cref="GetSecret"/> reads it.
/// </summary>
public interface IChannelConfiguration
{
    /// <summary>The channel instance's name (the config key).</summary>
    string ChannelName { get; }

    /// <summary>A plain setting, or null when absent.</summary>
    string? Get(string key);

    /// <summary>The value of the environment variable named by setting <paramref name="key"/>, or null when
    /// the setting or the variable is absent.</summary>
    string? GetSecret(string key);
}
