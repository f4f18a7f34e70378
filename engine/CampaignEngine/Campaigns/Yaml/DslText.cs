using CampaignEngine.Dsl.Compilation;
using YamlDotNet.Core;

namespace CampaignEngine.Campaigns.Yaml;

/// <summary>
/// DSL text written inside a YAML scalar, with the <see cref="SourceOrigin"/> that maps the DSL's own
/// positions back into the YAML file. The text handed to the compiler keeps the scalar's line breaks
/// (YAML would fold a plain or quoted multi-line scalar into one line, and then every position after
/// the first line would be wrong); only the indentation YAML strips is removed, and that indentation
/// is the origin's continuation column.
/// </summary>
internal sealed record DslText(string Text, SourceOrigin Origin)
{
    /// <summary>The file position of a character of <see cref="Text"/>.</summary>
    public (int Line, int Column) PositionOf(int index)
    {
        var before = Text[..Math.Clamp(index, 0, Text.Length)];
        var lastBreak = before.LastIndexOf('\n');
        return lastBreak < 0
            ? (Origin.Line, Origin.Column + before.Length)
            : (Origin.Line + before.Count(c => c == '\n'), Origin.ContinuationColumn + before.Length - lastBreak - 1);
    }

    public static DslText From(SourceDocument document, ScalarNode node)
    {
        var file = document.File;
        var source = document.Text;
        switch (node.Style)
        {
            case ScalarStyle.Literal or ScalarStyle.Folded:
                return FromBlock(document, node);

            case ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted:
            {
                var innerStart = node.Start.Index + 1;
                var innerEnd = Math.Max(innerStart, node.End.Index - 1);
                var raw = Slice(source, innerStart, innerEnd);
                var hasEscapes = node.Style == ScalarStyle.DoubleQuoted ? raw.Contains('\\') : raw.Contains("''", StringComparison.Ordinal);
                if (!raw.Contains('\n') || hasEscapes)
                {
                    // Escapes change lengths, so positions past one can be off by a few columns; the
                    // decoded value is still what must be compiled.
                    return new DslText(node.Value, new SourceOrigin(file, node.Start.Line, node.Start.Column + 1, node.Start.Column + 1));
                }

                return Unindent(raw, file, node.Start.Line, node.Start.Column + 1);
            }

            default:
            {
                var raw = Slice(source, node.Start.Index, node.End.Index);
                return raw.Contains('\n')
                    ? Unindent(raw, file, node.Start.Line, node.Start.Column)
                    : new DslText(node.Value, new SourceOrigin(file, node.Start.Line, node.Start.Column, node.Start.Column));
            }
        }
    }

    /// <summary>A <c>|</c> or <c>&gt;</c> scalar: the text starts on the line after the indicator, at the block's indentation.</summary>
    private static DslText FromBlock(SourceDocument document, ScalarNode node)
    {
        var source = document.Text;
        var headerEnd = source.IndexOf('\n', node.Start.Index);
        if (headerEnd < 0 || headerEnd + 1 >= node.End.Index)
        {
            return new DslText(node.Value, new SourceOrigin(document.File, node.Start.Line + 1, 1, 1));
        }

        var lines = Slice(source, headerEnd + 1, node.End.Index).Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Select(LeadingSpaces).DefaultIfEmpty(0).First();
        var text = string.Join('\n', lines.Select(l => StripSpaces(l, indent))).TrimEnd();
        return new DslText(text, new SourceOrigin(document.File, node.Start.Line + 1, indent + 1, indent + 1));
    }

    /// <summary>A multi-line plain or quoted scalar: the first line stays as it is, later lines lose their common indentation.</summary>
    private static DslText Unindent(string raw, string file, int line, int column)
    {
        var lines = raw.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var indent = lines.Skip(1).Where(l => l.Trim().Length > 0).Select(LeadingSpaces).DefaultIfEmpty(0).Min();
        var text = string.Join('\n', lines.Select((l, i) => i == 0 ? l : StripSpaces(l, indent)));
        return new DslText(text, new SourceOrigin(file, line, column, indent + 1));
    }

    private static string Slice(string source, int start, int end)
    {
        start = Math.Clamp(start, 0, source.Length);
        end = Math.Clamp(end, start, source.Length);
        return source[start..end];
    }

    private static int LeadingSpaces(string line) => line.Length - line.TrimStart(' ').Length;

    private static string StripSpaces(string line, int count) => line[Math.Min(count, LeadingSpaces(line))..];
}
