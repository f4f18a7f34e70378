using YamlDotNet.Core;

namespace CampaignEngine.Campaigns.Yaml;

/// <summary>A place in a YAML file: 1-based line and column, 0-based character index into the text.</summary>
internal readonly record struct SourcePosition(int Line, int Column, int Index)
{
    public static SourcePosition From(Mark mark) => new((int)mark.Line, (int)mark.Column, (int)mark.Index);
}

/// <summary>
/// Our own small YAML tree: every node keeps where it starts and ends, so every diagnostic (and every
/// DSL text inside a scalar) can be traced back to file:line:column. YamlDotNet's representation model
/// drops duplicate keys with an exception and keeps no raw text; this one keeps both.
/// </summary>
internal abstract record SourceNode(SourcePosition Start, SourcePosition End)
{
    /// <summary>What the marketer would call this kind of value, for "expected a list, got text" messages.</summary>
    public abstract string KindName { get; }
}

internal sealed record ScalarNode(string Value, ScalarStyle Style, SourcePosition Start, SourcePosition End) : SourceNode(Start, End)
{
    public override string KindName => "text";

    /// <summary>A plain <c>~</c>, <c>null</c> or empty value: YAML's null.</summary>
    public bool IsNull => Style == ScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL";
}

internal sealed record SequenceNode(IReadOnlyList<SourceNode> Items, SourcePosition Start, SourcePosition End) : SourceNode(Start, End)
{
    public override string KindName => "list";
}

internal sealed record MappingEntry(ScalarNode Key, SourceNode Value);

internal sealed record MappingNode(IReadOnlyList<MappingEntry> Entries, SourcePosition Start, SourcePosition End) : SourceNode(Start, End)
{
    public override string KindName => "mapping";
}

/// <summary>A parsed YAML file: its text (DSL positions are computed from it) and its root node, if any.</summary>
internal sealed record SourceDocument(string File, string Text, SourceNode? Root);
