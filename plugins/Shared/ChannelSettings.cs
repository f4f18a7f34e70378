using System.Globalization;
using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Plugins.Shared;

/// <summary>
/// Reads a channel's settings from the engine config with messages an operator can act on.
/// Linked into every built-in plugin (each plugin stays a self-contained assembly, as a third-party one would be).
/// Rule shared by the built-in channels: a setting that is missing or malformed is a mistake in engine.yaml
/// and fails the load (the loader shows <see cref="ChannelConfigurationException.Message"/>); a secret whose
/// environment variable is not set only fails sending, so dry-runs work on a machine without credentials.
/// </summary>
internal sealed class ChannelSettings(IChannelConfiguration configuration)
{
    public string ChannelName => configuration.ChannelName;

    public string? Optional(string key)
    {
        var value = configuration.Get(key);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public string Required(string key, string meaning)
        => Optional(key) ?? throw Problem($"setting '{key}' is missing: {meaning}");

    public long Fen(string key, long? fallback)
    {
        var text = Optional(key);
        if (text is null)
        {
            return fallback ?? throw Problem($"setting '{key}' is missing: the price of one unit in fen (分), e.g. {key}: 5");
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var fen)
            ? fen
            : throw Problem($"setting '{key}' is '{text}', not a whole number of fen (分) ≥ 0, e.g. {key}: 5");
    }

    public int Number(string key, int fallback, int min, int max)
    {
        var text = Optional(key);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw Problem($"setting '{key}' is '{text}', expected a whole number from {min} to {max}");
    }

    public bool Flag(string key, bool fallback)
        => Optional(key)?.ToLowerInvariant() switch
        {
            null => fallback,
            "true" or "yes" or "on" or "1" => true,
            "false" or "no" or "off" or "0" => false,
            var other => throw Problem($"setting '{key}' is '{other}', expected true or false"),
        };

    public Uri Url(string key, string? fallback)
    {
        var text = Optional(key) ?? fallback ?? throw Problem($"setting '{key}' is missing: the provider's URL, e.g. {key}: https://…");
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw Problem($"setting '{key}' is '{text}', not an http:// or https:// URL");
    }

    public string Choice(string key, string fallback, params string[] allowed)
    {
        var value = (Optional(key) ?? fallback).ToLowerInvariant();
        return allowed.Contains(value)
            ? value
            : throw Problem($"setting '{key}' is '{value}', expected one of: {string.Join(", ", allowed)}");
    }

    /// <summary>
    /// A list of <c>name=value</c> pairs separated by <c>;</c> (YAML-friendly in one line:
    /// <c>templates: after_sales=SMS_1001; vip_coupon=SMS_1002</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string> Pairs(string key)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in (Optional(key) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == item.Length - 1)
            {
                throw Problem($"setting '{key}' has '{item}', expected name=value pairs separated by ';', e.g. {key}: a=X; b=Y");
            }

            var name = item[..equals].Trim();
            if (!pairs.TryAdd(name, item[(equals + 1)..].Trim()))
            {
                throw Problem($"setting '{key}' names '{name}' twice; keep one");
            }
        }

        return pairs;
    }

    /// <summary>The name of the environment variable a secret setting points at (required: the config must say where the secret lives).</summary>
    public SecretSetting Secret(string key, string meaning)
        => new(key, Required(key, $"the name of the environment variable holding {meaning}, e.g. {key}: {ExampleVariable(key)}"), configuration);

    public ChannelConfigurationException Problem(string what) => new($"channel '{ChannelName}': {what}");

    private string ExampleVariable(string key)
        => $"{ChannelName}_{key.Replace("_env", "", StringComparison.Ordinal)}".ToUpperInvariant();
}

/// <summary>A secret named in the config; its value is read from the environment when a message is sent.</summary>
internal sealed record SecretSetting(string Key, string VariableName, IChannelConfiguration Configuration)
{
    /// <summary>The secret, or null when the environment variable is not set.</summary>
    public string? Value
    {
        get
        {
            var value = Configuration.GetSecret(Key);
            return string.IsNullOrEmpty(value) ? null : value;
        }
    }

    /// <summary>The text with the secret's value blotted out: a provider's error message must not carry it into logs.</summary>
    public string Redact(string text)
        => Value is { Length: >= 4 } value ? text.Replace(value, "***", StringComparison.Ordinal) : text;

    /// <summary>Says which variable to set — never the value.</summary>
    public string NotSetReason => $"channel '{Configuration.ChannelName}' is not configured: set the environment variable {VariableName} (named by setting '{Key}') and restart";
}

/// <summary>A mistake in the channel's engine.yaml block; thrown by the constructor so the loader reports it.</summary>
internal sealed class ChannelConfigurationException(string message) : Exception(message);
