using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Dispatch;

/// <summary>
/// The channels of one engine: every plugin of the plugins directory loaded (built-in and third-party
/// alike), and one guarded instance per channel of engine.yaml's <c>channels:</c> block. Nothing here
/// throws for a bad plugin or a bad setting — it is all reported in <see cref="Plugins"/> and
/// <see cref="Configured"/>, and the channels that are fine are in <see cref="Channels"/>.
/// Disposing the host releases the channel instances (their HTTP clients and connections).
/// </summary>
internal sealed class ChannelHost : IDisposable
{
    private ChannelHost(IReadOnlyList<ChannelPlugin> plugins, IReadOnlyList<ConfiguredChannel> configured)
    {
        Plugins = plugins;
        Configured = configured;
        Channels = configured.Where(c => c.Channel is not null)
            .ToDictionary(c => c.Name, c => c.Channel!, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<ChannelPlugin> Plugins { get; }

    public IReadOnlyList<ConfiguredChannel> Configured { get; }

    /// <summary>The usable channels by the name campaigns use.</summary>
    public IReadOnlyDictionary<string, GuardedChannel> Channels { get; }

    public bool IsFine => Plugins.All(p => p.IsLoaded) && Configured.All(c => c.IsFine);

    /// <summary>
    /// Loads the plugins in <paramref name="pluginsDirectory"/> and creates the channels of
    /// <paramref name="channels"/> (engine.yaml's <c>channels:</c> mapping, already parsed).
    /// Secrets are read through <paramref name="environment"/>, the process environment by default.
    /// </summary>
    public static ChannelHost Load(
        string pluginsDirectory,
        IEnumerable<KeyValuePair<string, object?>> channels,
        Func<string, string?>? environment = null,
        TimeProvider? time = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var plugins = ChannelPluginLoader.LoadAll(pluginsDirectory);
        var configured = ChannelSettings.Read(channels)
            .Select(settings => Configure(settings, plugins, environment, time))
            .ToList();
        return new ChannelHost(plugins, configured);
    }

    /// <summary>The same, from an engine config that already flattened each channel's settings to text.</summary>
    public static ChannelHost Load(
        string pluginsDirectory,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> channels,
        Func<string, string?>? environment = null,
        TimeProvider? time = null)
        => Load(pluginsDirectory, channels.Select(c => new KeyValuePair<string, object?>(c.Key, c.Value)), environment, time);

    private static ConfiguredChannel Configure(ChannelSettings settings, IReadOnlyList<ChannelPlugin> plugins, Func<string, string?> environment, TimeProvider? time)
    {
        var (implementation, problem) = Resolve(settings.Plugin, plugins);
        var plugin = implementation is null ? null : plugins.First(p => p.Implementations.Contains(implementation));
        if (problem is not null || settings.Problems.Count > 0)
        {
            return new ConfiguredChannel(settings.Channel, settings.Plugin, implementation, plugin, null, [.. settings.Problems, .. problem is null ? [] : new[] { problem }], []);
        }

        var redactor = new SecretRedactor();
        var warnings = new List<string>();
        foreach (var (setting, variable) in settings.SecretVariables)
        {
            var value = environment(variable);
            redactor.Add(value);
            if (string.IsNullOrEmpty(value))
            {
                warnings.Add($"environment variable {variable} (named by '{setting}') is not set; sends will fail without it");
            }
        }

        var (instance, constructionProblem) = implementation!.Create(new ChannelConfiguration(settings, environment, redactor));
        if (instance is null)
        {
            return new ConfiguredChannel(settings.Channel, settings.Plugin, implementation, plugin, null, [redactor.Redact(constructionProblem!)], warnings);
        }

        var (channel, guardProblem) = GuardedChannel.Create(settings.Channel, instance, settings.Guard, redactor, time);
        return new ConfiguredChannel(settings.Channel, settings.Plugin, implementation, plugin, channel, guardProblem is null ? [] : [guardProblem], warnings);
    }

    private static (ChannelImplementation? Implementation, string? Problem) Resolve(string reference, IReadOnlyList<ChannelPlugin> plugins)
    {
        var matches = plugins.SelectMany(p => p.Implementations).Where(i => i.IsNamed(reference)).ToList();
        if (matches.Count == 1)
        {
            return (matches[0], null);
        }

        if (matches.Count > 1)
        {
            return (null, $"plugin '{reference}' is ambiguous: {string.Join(", ", matches.Select(m => m.Name))}; write one of these names in `plugin:`");
        }

        if (plugins.FirstOrDefault(p => string.Equals(p.Name, reference, StringComparison.OrdinalIgnoreCase)) is { Problem: { } loadProblem })
        {
            return (null, $"plugin '{reference}' did not load: {loadProblem}");
        }

        var available = plugins.SelectMany(p => p.Implementations).Select(i => i.Name).ToList();
        return (null, available.Count == 0
            ? $"no plugin '{reference}': the plugins directory has no loadable plugin"
            : $"no plugin '{reference}'; loaded plugins: {string.Join(", ", available)} (set `plugin:` to one of them)");
    }

    public void Dispose()
    {
        foreach (var channel in Channels.Values)
        {
            channel.Dispose();
        }
    }

    /// <summary>The SDK version of this engine, shown beside each plugin's.</summary>
    public static Version SdkVersionOfEngine => SdkVersion.Current;
}
