using System.Globalization;
using CampaignEngine.Dsl.Diagnostics;

namespace CampaignEngine.Campaigns.Yaml;

/// <summary>
/// Reads one YAML mapping against its <see cref="KeySet"/>: resolves English and Chinese keys, reports
/// unknown keys (with "did you mean"), and converts values, reporting a wrong type at the value's place.
/// Every problem is recorded and reading goes on, so one pass finds them all.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, MappingEntry> entries = new(StringComparer.Ordinal);

    public MappingReader(MappingNode node, KeySet keys, string file, DiagnosticBag diagnostics, bool allowOtherKeys = false)
    {
        Node = node;
        File = file;
        Diagnostics = diagnostics;
        Keys = keys;
        foreach (var entry in node.Entries)
        {
            var name = keys.Resolve(entry.Key.Value);
            if (name is null)
            {
                if (!allowOtherKeys)
                {
                    var hint = DidYouMean.Hint(entry.Key.Value, keys.AllSpellings, diagnostics.Chinese);
                    diagnostics.Add(CampaignDiagnostics.UnknownKey, file, entry.Key, entry.Key.Value, diagnostics.Chinese ? keys.WhatChinese : keys.What, hint);
                }

                Others.Add(entry);
                continue;
            }

            if (entries.TryGetValue(name, out var first))
            {
                diagnostics.Add(CampaignDiagnostics.SameKeyTwice, file, entry.Key, first.Key.Value, entry.Key.Value);
                continue;
            }

            entries[name] = entry;
        }
    }

    public MappingNode Node { get; }

    public string File { get; }

    public DiagnosticBag Diagnostics { get; }

    public KeySet Keys { get; }

    /// <summary>Entries whose keys are not in the key set (kept when other keys are allowed, e.g. shop settings).</summary>
    public List<MappingEntry> Others { get; } = [];

    public MappingEntry? Entry(string name) => entries.GetValueOrDefault(name);

    public SourceNode? this[string name] => entries.GetValueOrDefault(name)?.Value;

    /// <summary>The value of a required key, or a diagnostic at the mapping's start.</summary>
    public SourceNode? Require(string name)
    {
        var value = this[name];
        if (value is null)
        {
            var shown = Diagnostics.Chinese ? Keys.Keys.First(k => k.Name == name).Chinese.FirstOrDefault() ?? name : name;
            Diagnostics.Add(CampaignDiagnostics.MissingKey, File, Node.Start, Diagnostics.Chinese ? Keys.WhatChinese : Keys.What, shown);
        }

        return value;
    }

    public ScalarNode? Text(string name, string example, bool required = false)
    {
        var value = required ? Require(name) : this[name];
        return value is null ? null : ExpectScalar(value, name, example);
    }

    public ScalarNode? ExpectScalar(SourceNode value, string name, string example)
    {
        if (value is ScalarNode scalar)
        {
            return scalar;
        }

        WrongType(value, name, Diagnostics.Chinese ? "一个值" : "a single value", example);
        return null;
    }

    public MappingNode? Mapping(string name, string example)
    {
        var value = this[name];
        switch (value)
        {
            case null:
                return null;
            case MappingNode mapping:
                return mapping;
            case ScalarNode { IsNull: true }:
                return new MappingNode([], value.Start, value.End);
            default:
                WrongType(value, name, Diagnostics.Chinese ? "键值映射" : "a mapping", example);
                return null;
        }
    }

    /// <summary>
    /// A list of mappings (<c>rules:</c>, <c>holidays:</c>), each read with <paramref name="itemKeys"/>; a value that is
    /// not a list, or an item that is not a mapping, is a wrong-type diagnostic and is skipped.
    /// </summary>
    public IEnumerable<MappingReader> MappingList(string name, KeySet itemKeys, string listExpected, string listExample, string itemExpected, string itemExample)
    {
        switch (this[name])
        {
            case null:
                yield break;
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    if (item is MappingNode mapping)
                    {
                        yield return new MappingReader(mapping, itemKeys, File, Diagnostics);
                    }
                    else
                    {
                        WrongType(item, name, itemExpected, itemExample);
                    }
                }

                break;
            case var other:
                WrongType(other, name, listExpected, listExample);
                break;
        }
    }

    /// <summary>A list of single values; one value alone is a list of one (<c>channels: sms</c>).</summary>
    public IReadOnlyList<ScalarNode>? List(string name, string example)
    {
        var value = this[name];
        switch (value)
        {
            case null:
                return null;
            case ScalarNode { IsNull: true }:
                return [];
            case ScalarNode scalar:
                return [scalar];
            case SequenceNode sequence:
                var items = new List<ScalarNode>();
                foreach (var item in sequence.Items)
                {
                    if (ExpectScalar(item, name, example) is { } scalar)
                    {
                        items.Add(scalar);
                    }
                }

                return items;
            default:
                WrongType(value, name, Diagnostics.Chinese ? "列表" : "a list", example);
                return null;
        }
    }

    public bool? Bool(string name)
    {
        var scalar = Text(name, "true");
        if (scalar is null)
        {
            return null;
        }

        switch (scalar.Value.ToLowerInvariant())
        {
            case "true" or "yes" or "on" or "是":
                return true;
            case "false" or "no" or "off" or "否":
                return false;
            default:
                WrongType(scalar, name, Diagnostics.Chinese ? "true 或 false" : "true or false", "true");
                return null;
        }
    }

    public int? Integer(string name, int minimum, int maximum)
    {
        var scalar = Text(name, minimum.ToString(CultureInfo.InvariantCulture));
        if (scalar is null)
        {
            return null;
        }

        if (int.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum)
        {
            return number;
        }

        var range = $"{minimum}–{maximum}";
        Diagnostics.Add(CampaignDiagnostics.BadNumber, File, scalar, scalar.Value, Diagnostics.Chinese ? $"{range} 之间的整数" : $"a whole number from {range}");
        return null;
    }

    public void WrongType(SourceNode value, string name, string expected, string example)
        => Diagnostics.Add(CampaignDiagnostics.WrongType, File, value, name, expected, KindName(value), example);

    private string KindName(SourceNode node) => (node, Diagnostics.Chinese) switch
    {
        (ScalarNode, true) => "文本",
        (SequenceNode, true) => "列表",
        (MappingNode, true) => "键值映射",
        (ScalarNode, false) => "text",
        (SequenceNode, false) => "a list",
        _ => "a mapping",
    };
}
