using System.Globalization;
using CampaignEngine.Dispatch.Delivery;
using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Dispatch;

/// <summary>
/// What a live command needs to dispatch: the plugins loaded, the channels of engine.yaml created and the
/// dispatcher's per-channel settings read from the same blocks — <c>concurrency</c> (default 4),
/// <c>rate_per_second</c>, <c>max_attempts</c> (default 8), <c>retry_first</c> (default 30s) and
/// <c>retry_longest</c> (default 1h). Problems are collected, never thrown.
/// </summary>
internal sealed class DispatcherSetup : IDisposable
{
    private DispatcherSetup(ChannelHost host, PluginsDirectory directory, DispatcherOptions options, IReadOnlyList<string> problems)
    {
        Host = host;
        PluginsDirectory = directory;
        Options = options;
        Problems = problems;
        Channels = GuardedChannelAdapter.All(host);
    }

    public ChannelHost Host { get; }

    public PluginsDirectory PluginsDirectory { get; }

    public IReadOnlyDictionary<string, IChannel> Channels { get; }

    public DispatcherOptions Options { get; }

    /// <summary>Configuration problems; channels with problems are missing from <see cref="Channels"/>, and their messages wait (failed, retried) until fixed.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <param name="pluginsOption">The <c>--plugins</c> option, if given.</param>
    /// <param name="configPath">engine.yaml, or null when there is none.</param>
    public static DispatcherSetup Load(string? pluginsOption, string? configPath, TimeZoneInfo? zone = null)
    {
        var config = configPath is null ? null : EngineChannelsFile.Read(configPath);
        var directory = PluginsDirectory.Find(pluginsOption, config?.PluginsDirectory, configPath);
        var problems = new List<string>(config?.Problems ?? []);
        var channels = config?.Channels ?? [];
        var host = ChannelHost.Load(directory.Path, channels);
        foreach (var channel in host.Configured)
        {
            problems.AddRange(channel.Problems.Select(p => $"channel '{channel.Name}': {p}"));
        }

        var limits = new Dictionary<string, ChannelLimits>(StringComparer.OrdinalIgnoreCase);
        var retries = new Dictionary<string, RetrySchedule>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in channels)
        {
            var settings = value as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
            string? Text(string key) => settings.TryGetValue(key, out var v) ? v as string : null;
            var concurrency = 4;
            if (Text("concurrency") is { } c && !(int.TryParse(c, CultureInfo.InvariantCulture, out concurrency) && concurrency is >= 1 and <= 256))
            {
                problems.Add($"channel '{name}': setting 'concurrency: {c}' must be a whole number from 1 to 256");
                concurrency = 4;
            }

            double? rate = null;
            if (Text("rate_per_second") is { } r)
            {
                if (double.TryParse(r, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
                {
                    rate = parsed;
                }
                else
                {
                    problems.Add($"channel '{name}': setting 'rate_per_second: {r}' must be a number above 0, like 50");
                }
            }

            limits[name] = new ChannelLimits(concurrency, rate);
            var schedule = RetrySchedule.Default;
            if (Text("max_attempts") is { } m)
            {
                if (int.TryParse(m, CultureInfo.InvariantCulture, out var attempts) && attempts >= 1)
                {
                    schedule = schedule with { MaxAttempts = attempts };
                }
                else
                {
                    problems.Add($"channel '{name}': setting 'max_attempts: {m}' must be a whole number of at least 1");
                }
            }

            TimeSpan Duration(string key, TimeSpan fallback)
            {
                if (Text(key) is not { } text)
                {
                    return fallback;
                }

                if (DurationSetting.TryParse(text, out var duration) && duration > TimeSpan.Zero)
                {
                    return duration;
                }

                problems.Add($"channel '{name}': setting '{key}: {text}' is not a duration; write it like `30s`, `500ms` or `2m`");
                return fallback;
            }

            retries[name] = schedule with { First = Duration("retry_first", schedule.First), Longest = Duration("retry_longest", schedule.Longest) };
        }

        var options = new DispatcherOptions { Limits = limits, Retries = retries };
        return new DispatcherSetup(host, directory, zone is null ? options : options with { Zone = zone }, problems);
    }

    public void Dispose() => Host.Dispose();
}
