using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CampaignEngine.Dispatch;

/// <summary>
/// Reads just the <c>plugins_dir:</c> and <c>channels:</c> keys of an engine.yaml, for <c>campaign plugins</c>.
/// The full engine config loader (Campaigns/) hands its parsed <c>channels:</c> mapping to
/// <see cref="ChannelHost.Load"/> the same way; this reader exists so the plugin tools work on their own.
/// </summary>
internal sealed record EngineChannelsFile(
    string Path,
    string? PluginsDirectory,
    IReadOnlyList<KeyValuePair<string, object?>> Channels,
    IReadOnlyList<string> Problems)
{
    public static EngineChannelsFile Read(string path)
    {
        if (!File.Exists(path))
        {
            return new(path, null, [], [$"{path}: file not found"]);
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            return new(path, null, [], [$"{path}:{ex.Start.Line}:{ex.Start.Column}: not valid YAML: {ex.Message}"]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new(path, null, [], []);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return new(path, null, [], [At(path, stream.Documents[0].RootNode, "expected a mapping of settings (`channels:`, `plugins_dir:` …)")]);
        }

        var problems = new List<string>();
        string? pluginsDirectory = null;
        if (Child(root, "plugins_dir") is { } directoryNode)
        {
            if (directoryNode is YamlScalarNode { Value: { Length: > 0 } directory })
            {
                pluginsDirectory = directory;
            }
            else
            {
                problems.Add(At(path, directoryNode, "plugins_dir must be a folder path, like `plugins_dir: artifacts/plugins`"));
            }
        }

        var channels = new List<KeyValuePair<string, object?>>();
        switch (Child(root, "channels"))
        {
            case null:
            case YamlScalarNode { Value: null or "" or "~" }:
                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    if (value is YamlMappingNode or YamlScalarNode { Value: null or "" or "~" })
                    {
                        channels.Add(new(KeyText(key), ToPlain(value)));
                    }
                    else
                    {
                        problems.Add(At(path, value, $"channel '{key}' needs a block of settings, like `plugin: sms` on the next line, indented"));
                    }
                }

                break;
            case var other:
                problems.Add(At(path, other, "channels must map channel names to their settings, like `channels:` then `  sms:` then `    plugin: sms`"));
                break;
        }

        return new(path, pluginsDirectory, channels, problems);
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key)
        => mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>YAML nodes as plain values: mappings become dictionaries, scalars strings, sequences lists.</summary>
    private static object? ToPlain(YamlNode node) => node switch
    {
        YamlMappingNode mapping => mapping.Children.ToDictionary(c => KeyText(c.Key), c => ToPlain(c.Value), StringComparer.Ordinal),
        YamlSequenceNode sequence => sequence.Children.Select(ToPlain).ToList(),
        YamlScalarNode { Value: "~" or "null" } => null,
        YamlScalarNode scalar => scalar.Value,
        _ => null,
    };

    private static string KeyText(YamlNode key) => key is YamlScalarNode { Value: { } text } ? text : key.ToString();

    private static string At(string path, YamlNode node, string message) => $"{path}:{node.Start.Line}:{node.Start.Column}: {message}";
}
