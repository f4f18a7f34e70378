using CampaignEngine.Dsl.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CampaignEngine.Campaigns.Yaml;

/// <summary>
/// Reads YAML text into a <see cref="SourceDocument"/> with YamlDotNet's low-level parser. A YAML syntax
/// error becomes one diagnostic at its position and the file has no tree: its other checks would only
/// report noise caused by the same mistake.
/// </summary>
internal static class SourceTreeReader
{
    public static SourceDocument Read(string file, string text, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, SourceNode>(StringComparer.Ordinal);
        var lastGood = new SourcePosition(1, 1, 0);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return new SourceDocument(file, text, null);
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, anchors, diagnostics, file, ref lastGood);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                diagnostics.Add(CampaignDiagnostics.ExtraYamlDocument, file, SourcePosition.From(second.Start));
            }

            return new SourceDocument(file, text, root);
        }
        catch (YamlException ex)
        {
            var at = ex.Start.Line > 0 ? SourcePosition.From(ex.Start) : lastGood;
            diagnostics.Add(CampaignDiagnostics.YamlSyntax, file, at, CleanMessage(ex.Message));
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet 18 sometimes fails on malformed flow collections with an InvalidOperationException
            // instead of a YamlException; it is still the marketer's input that is wrong, not our code.
            diagnostics.Add(CampaignDiagnostics.YamlSyntax, file, lastGood, ex.Message);
        }

        return new SourceDocument(file, text, null);
    }

    private static SourceNode ReadNode(IParser parser, Dictionary<string, SourceNode> anchors, DiagnosticBag diagnostics, string file, ref SourcePosition lastGood)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of the file");
        lastGood = SourcePosition.From(current.Start);
        SourceNode node;
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                if (anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    return target;
                }

                diagnostics.Add(CampaignDiagnostics.UnknownAnchor, file, SourcePosition.From(alias.Start), alias.Value.Value);
                return new ScalarNode("", ScalarStyle.Plain, SourcePosition.From(alias.Start), SourcePosition.From(alias.End));

            case Scalar scalar:
                parser.MoveNext();
                node = new ScalarNode(scalar.Value, scalar.Style, SourcePosition.From(scalar.Start), SourcePosition.From(scalar.End));
                Remember(scalar.Anchor, node, anchors);
                return node;

            case SequenceStart sequenceStart:
            {
                parser.MoveNext();
                var items = new List<SourceNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, anchors, diagnostics, file, ref lastGood));
                }

                node = new SequenceNode(items, SourcePosition.From(sequenceStart.Start), items.Count > 0 ? items[^1].End : SourcePosition.From(sequenceStart.End));
                Remember(sequenceStart.Anchor, node, anchors);
                return node;
            }

            case MappingStart mappingStart:
            {
                parser.MoveNext();
                var entries = new List<MappingEntry>();
                var seen = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(parser, anchors, diagnostics, file, ref lastGood);
                    var value = ReadNode(parser, anchors, diagnostics, file, ref lastGood);
                    if (keyNode is not ScalarNode key)
                    {
                        diagnostics.Add(CampaignDiagnostics.ComplexKey, file, keyNode.Start);
                        continue;
                    }

                    if (seen.TryGetValue(key.Value, out var first))
                    {
                        diagnostics.Add(CampaignDiagnostics.DuplicateKey, file, key.Start, key.Value, first.Start.Line);
                        continue;
                    }

                    seen[key.Value] = key;
                    entries.Add(new MappingEntry(key, value));
                }

                node = new MappingNode(entries, SourcePosition.From(mappingStart.Start), entries.Count > 0 ? entries[^1].Value.End : SourcePosition.From(mappingStart.End));
                Remember(mappingStart.Anchor, node, anchors);
                return node;
            }

            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    private static void Remember(AnchorName anchor, SourceNode node, Dictionary<string, SourceNode> anchors)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    /// <summary>YamlDotNet prefixes its messages with the position ("(Line: 3, Col: 5, Idx: 20) - (…): "); we print our own.</summary>
    private static string CleanMessage(string message)
    {
        var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(marker + 3)..] : message;
    }
}
