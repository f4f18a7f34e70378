using CampaignEngine.Campaigns.Yaml;
using CampaignEngine.Dsl.Binding;

namespace CampaignEngine.Campaigns.DerivedFacts;

/// <summary>Reads a <c>facts:</c> mapping (of a campaign or of the shared facts.yaml).</summary>
internal static class FactSourceReader
{
    private static readonly Dictionary<string, DslType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["number"] = DslType.Number, ["数值"] = DslType.Number,
        ["money"] = DslType.Money, ["金额"] = DslType.Money,
        ["bool"] = DslType.Bool, ["布尔"] = DslType.Bool,
        ["text"] = DslType.Text, ["文本"] = DslType.Text,
        ["date"] = DslType.Date, ["日期"] = DslType.Date,
        ["duration"] = DslType.Duration, ["时长"] = DslType.Duration,
    };

    public static List<FactSource> Read(SourceDocument document, MappingNode facts, DiagnosticBag diagnostics)
    {
        var file = document.File;
        var result = new List<FactSource>();
        foreach (var entry in facts.Entries)
        {
            var name = entry.Key.Value;
            switch (entry.Value)
            {
                case ScalarNode { IsNull: false } expression:
                    result.Add(new FactSource(file, name, entry.Key, DslText.From(document, expression), null, null, null, "", []));
                    break;

                case MappingNode mapping:
                {
                    var keys = new MappingReader(mapping, CampaignKeys.Fact, file, diagnostics);
                    var value = keys.Text("value", "monetary >= 1000");
                    var script = keys.Text("script", "context.Monetary[row] / 100.0");
                    var typeNode = keys.Text("type", "number");
                    var description = keys.Text("description", "\"…\"")?.Value ?? "";
                    var aliases = keys.List("aliases", "[大客户]")?.Select(a => a.Value).ToList() ?? [];
                    DslType? type = null;
                    if (typeNode is not null)
                    {
                        if (Types.TryGetValue(typeNode.Value, out var found))
                        {
                            type = found;
                        }
                        else
                        {
                            diagnostics.Add(CampaignDiagnostics.BadFactType, file, typeNode, name, typeNode.Value);
                        }
                    }

                    if (value is null == (script is null))
                    {
                        diagnostics.Add(CampaignDiagnostics.FactNeedsValue, file, entry.Key, name);
                        break;
                    }

                    if (script is not null && typeNode is null)
                    {
                        keys.Require("type");
                        break;
                    }

                    result.Add(new FactSource(file, name, entry.Key,
                        value is null ? null : DslText.From(document, value),
                        script is null ? null : DslText.From(document, script), script,
                        type, description, aliases));
                    break;
                }

                default:
                    diagnostics.Add(CampaignDiagnostics.FactNeedsValue, file, entry.Key, name);
                    break;
            }
        }

        return result;
    }
}
