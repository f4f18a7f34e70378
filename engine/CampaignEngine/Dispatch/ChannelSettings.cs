using System.Collections;
using System.Globalization;

namespace CampaignEngine.Dispatch;

/// <summary>
/// One entry of engine.yaml's <c>channels:</c> block: the channel name campaigns use, which plugin
/// implements it, the engine's guard settings, and the plain settings the plugin reads. Secrets are
/// settings ending in <c>_env</c> whose value names an environment variable; they come only from the
/// engine config, never from campaign files.
/// </summary>
internal sealed record ChannelSettings(
    string Channel,
    string Plugin,
    IReadOnlyDictionary<string, string> Values,
    ChannelGuardOptions Guard,
    IReadOnlyList<string> Problems)
{
    public const string SecretSuffix = "_env";

    /// <summary>Key endings that hold a secret when written in the clear.</summary>
    private static readonly string[] SecretLikeEndings = ["password", "secret", "token"];

    /// <summary>
    /// Reads an already parsed <c>channels:</c> mapping (channel name → mapping of settings), as a YAML
    /// library hands it over. Problems are collected per channel, never thrown.
    /// </summary>
    public static IReadOnlyList<ChannelSettings> Read(IEnumerable<KeyValuePair<string, object?>> channels)
        => channels.Select(entry => ReadOne(entry.Key, entry.Value)).ToList();

    private static ChannelSettings ReadOne(string channel, object? body)
    {
        var problems = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body is IReadOnlyDictionary<string, string> flat)
        {
            foreach (var (key, value) in flat)
            {
                values[key] = value;
            }
        }
        else if (body is IDictionary mapping)
        {
            foreach (DictionaryEntry setting in mapping)
            {
                var key = Convert.ToString(setting.Key, CultureInfo.InvariantCulture) ?? "";
                switch (setting.Value)
                {
                    case null:
                        break;
                    case IConvertible:
                        values[key] = Convert.ToString(setting.Value, CultureInfo.InvariantCulture)!;
                        break;
                    default:
                        problems.Add($"setting '{key}' must be a single value, not a list or a block");
                        break;
                }
            }
        }
        else if (body is not null)
        {
            problems.Add("expected a block of settings under the channel name, like `plugin: sms`");
        }

        foreach (var key in values.Keys.Where(IsSecretInTheClear))
        {
            problems.Add($"setting '{key}' looks like a secret written in the clear; put it in an environment variable and write `{key}{SecretSuffix}: VARIABLE_NAME`");
        }

        var plugin = values.GetValueOrDefault("plugin") is { Length: > 0 } named ? named : channel;
        return new ChannelSettings(channel, plugin, values, ReadGuard(values, problems), problems);
    }

    private static bool IsSecretInTheClear(string key)
        => !key.EndsWith(SecretSuffix, StringComparison.OrdinalIgnoreCase)
           && SecretLikeEndings.Any(ending => key.EndsWith(ending, StringComparison.OrdinalIgnoreCase));

    private static ChannelGuardOptions ReadGuard(Dictionary<string, string> values, List<string> problems)
    {
        var guard = ChannelGuardOptions.Default;
        TimeSpan Duration(string key, TimeSpan fallback, TimeSpan minimum)
        {
            if (!values.TryGetValue(key, out var text))
            {
                return fallback;
            }

            if (DurationSetting.TryParse(text, out var value) && value >= minimum)
            {
                return value;
            }

            problems.Add($"setting '{key}: {text}' is not a duration of at least {DurationSetting.Format(minimum)}; write it like `10s`, `500ms` or `2m`");
            return fallback;
        }

        var ratio = guard.CircuitFailureRatio;
        if (values.TryGetValue("circuit_failure_ratio", out var ratioText)
            && !(double.TryParse(ratioText, NumberStyles.Float, CultureInfo.InvariantCulture, out ratio) && ratio is > 0 and <= 1))
        {
            problems.Add($"setting 'circuit_failure_ratio: {ratioText}' must be a number above 0 and at most 1, like 0.5");
            ratio = guard.CircuitFailureRatio;
        }

        var minimumCalls = guard.CircuitMinimumCalls;
        if (values.TryGetValue("circuit_minimum_calls", out var callsText)
            && !(int.TryParse(callsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out minimumCalls) && minimumCalls >= 2))
        {
            problems.Add($"setting 'circuit_minimum_calls: {callsText}' must be a whole number of at least 2");
            minimumCalls = guard.CircuitMinimumCalls;
        }

        // Polly refuses sampling and break durations under half a second.
        var halfSecond = TimeSpan.FromMilliseconds(500);
        return new ChannelGuardOptions
        {
            Timeout = Duration("timeout", guard.Timeout, TimeSpan.FromMilliseconds(1)),
            CircuitFailureRatio = ratio,
            CircuitMinimumCalls = minimumCalls,
            CircuitSampling = Duration("circuit_sampling", guard.CircuitSampling, halfSecond),
            CircuitBreak = Duration("circuit_break", guard.CircuitBreak, halfSecond),
        };
    }

    /// <summary>The environment variables this channel's secrets come from, by setting.</summary>
    public IEnumerable<(string Setting, string Variable)> SecretVariables
        => Values.Where(v => v.Key.EndsWith(SecretSuffix, StringComparison.OrdinalIgnoreCase) && v.Value.Length > 0)
            .Select(v => (v.Key, v.Value));
}
