using System.Text.RegularExpressions;

namespace CampaignEngine.Campaigns.Templates;

/// <summary>
/// A Liquid text made only of literal text and bare outputs (<c>【{{ shop }}】{{ name }}您好</c>), which is what
/// nearly every retention message is. It renders by concatenation: a year's dry-run over a million customers
/// renders tens of millions of messages, and DotLiquid's general renderer costs microseconds and a heap of
/// garbage for each. Anything else — a filter, a tag, a dotted path, whitespace control, a Liquid literal
/// such as <c>{{ true }}</c> — is not recognised (<see cref="TryParse"/> returns null) and stays with DotLiquid,
/// so the output is always DotLiquid's (a test compares the two on every shipped template).
/// </summary>
internal sealed partial class PlainSubstitution
{
    private static readonly HashSet<string> LiquidLiterals = new(StringComparer.Ordinal) { "true", "false", "nil", "null", "empty", "blank" };

    // Literal runs alternate with variable names: parts[0] literal, parts[1] name, parts[2] literal, …
    private readonly string[] _parts;
    private readonly int _literalLength;

    private PlainSubstitution(string[] parts)
    {
        _parts = parts;
        for (var i = 0; i < parts.Length; i += 2)
        {
            _literalLength += parts[i].Length;
        }
    }

    /// <summary>The variable names, in order of appearance (repeats included).</summary>
    public IEnumerable<string> Variables
    {
        get
        {
            for (var i = 1; i < _parts.Length; i += 2)
            {
                yield return _parts[i];
            }
        }
    }

    public static PlainSubstitution? TryParse(string source)
    {
        var parts = new List<string>();
        var at = 0;
        foreach (Match output in Output().Matches(source))
        {
            parts.Add(source[at..output.Index]);
            parts.Add(output.Groups["name"].Value);
            at = output.Index + output.Length;
        }

        parts.Add(source[at..]);
        for (var i = 0; i < parts.Count; i++)
        {
            var isLiteral = i % 2 == 0;
            // A brace right before an output is read by DotLiquid as part of it ("{{{ name }}"): leave such texts to it.
            if (isLiteral ? HasMarkup(parts[i]) : LiquidLiterals.Contains(parts[i]) || parts[i - 1].EndsWith('{'))
            {
                return null;
            }
        }

        return new PlainSubstitution([.. parts]);
    }

    /// <summary>The text with every variable replaced by its value; a variable without a value renders as nothing.</summary>
    public string Render(IReadOnlyDictionary<string, string> values)
    {
        var length = _literalLength;
        for (var i = 1; i < _parts.Length; i += 2)
        {
            length += values.TryGetValue(_parts[i], out var value) ? value.Length : 0;
        }

        // Straight into a string of the final length: a StringBuilder added two allocations per message.
        return string.Create(length, (_parts, values), static (text, state) =>
        {
            var at = 0;
            for (var i = 0; i < state._parts.Length; i++)
            {
                var part = i % 2 == 0 ? state._parts[i] : state.values.GetValueOrDefault(state._parts[i]);
                if (part is not null)
                {
                    part.CopyTo(text[at..]);
                    at += part.Length;
                }
            }
        });
    }

    // Anything that could start or end Liquid markup makes the text DotLiquid's.
    private static bool HasMarkup(string literal)
        => literal.Contains("{{", StringComparison.Ordinal) || literal.Contains("{%", StringComparison.Ordinal)
           || literal.Contains("}}", StringComparison.Ordinal) || literal.Contains("%}", StringComparison.Ordinal);

    [GeneratedRegex(@"\{\{[ \t]*(?<name>[\p{L}_][\p{L}\p{N}_]*)[ \t]*\}\}")]
    private static partial Regex Output();
}
