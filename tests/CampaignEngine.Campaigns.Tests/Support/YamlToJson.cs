using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CampaignEngine.Campaigns.Yaml;
using YamlDotNet.Core;

namespace CampaignEngine.Campaigns.Tests.Support;

/// <summary>
/// Converts our YAML tree to JSON the way an editor's YAML language server sees it (YAML 1.2 core
/// schema: plain 10 is a number, plain true a boolean, plain null null, anything quoted text), so the
/// JSON Schema can be checked on the campaign files themselves.
/// </summary>
internal static partial class YamlToJson
{
    public static JsonNode? Convert(string yaml)
    {
        var bag = new DiagnosticBag(false);
        var document = SourceTreeReader.Read("x.yaml", yaml, bag);
        Assert.Empty(bag.Items);
        return document.Root is null ? null : Convert(document.Root);
    }

    private static JsonNode? Convert(SourceNode node) => node switch
    {
        MappingNode mapping => new JsonObject(mapping.Entries.Select(e => KeyValuePair.Create(e.Key.Value, Convert(e.Value)))),
        SequenceNode sequence => new JsonArray(sequence.Items.Select(Convert).ToArray()),
        ScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static JsonNode? Scalar(ScalarNode scalar)
    {
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(scalar.Value);
        }

        if (scalar.IsNull)
        {
            return null;
        }

        if (scalar.Value is "true" or "false")
        {
            return JsonValue.Create(scalar.Value == "true");
        }

        if (Integer().IsMatch(scalar.Value))
        {
            return JsonValue.Create(long.Parse(scalar.Value, CultureInfo.InvariantCulture));
        }

        if (Float().IsMatch(scalar.Value))
        {
            return JsonValue.Create(double.Parse(scalar.Value, CultureInfo.InvariantCulture));
        }

        return JsonValue.Create(scalar.Value);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
