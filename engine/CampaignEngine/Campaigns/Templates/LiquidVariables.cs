using System.Text.RegularExpressions;

namespace CampaignEngine.Campaigns.Templates;

/// <summary>A variable a template reads, and where (character index into the template text).</summary>
internal readonly record struct LiquidVariable(string Name, int Index);

/// <summary>
/// The variables a Liquid text reads: outputs (<c>{{ x | filter: y }}</c>) and tag expressions (if, unless,
/// elsif, case, when, for … in x, assign … = x). Names the template defines itself (assign, capture, for
/// loop variables) are not reported; only the root of a path counts (<c>{{ order.total }}</c> reads
/// <c>order</c>). Scanned from the text rather than DotLiquid's node tree, whose tag details are not
/// public, and so that every variable keeps its exact position. Run on text DotLiquid has parsed.
/// </summary>
internal static partial class LiquidVariables
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "contains", "in", "reversed", "limit", "offset", "true", "false", "nil", "null", "empty", "blank",
        "with", "as", "by", "forloop", "else",
    };

    public static IReadOnlyList<LiquidVariable> Read(string text)
    {
        var used = new List<LiquidVariable>();
        var defined = new HashSet<string>(StringComparer.Ordinal);
        var skipUntil = (string?)null;
        foreach (Match markup in Markup().Matches(text))
        {
            var isTag = markup.Groups["tag"].Success;
            var body = isTag ? markup.Groups["tag"] : markup.Groups["output"];
            if (skipUntil is not null)
            {
                if (isTag && body.Value.Trim() == skipUntil)
                {
                    skipUntil = null;
                }

                continue;
            }

            if (!isTag)
            {
                AddExpression(body.Value, body.Index, used);
                continue;
            }

            var content = body.Value.TrimStart();
            var offset = body.Index + body.Value.Length - content.Length;
            var name = Word().Match(content).Value;
            var rest = content[name.Length..];
            var restIndex = offset + name.Length;
            switch (name)
            {
                case "comment" or "raw":
                    skipUntil = "end" + name;
                    break;
                case "assign":
                {
                    var equals = rest.IndexOf('=', StringComparison.Ordinal);
                    if (equals > 0)
                    {
                        defined.Add(rest[..equals].Trim());
                        AddExpression(rest[(equals + 1)..], restIndex + equals + 1, used);
                    }

                    break;
                }

                case "capture":
                    defined.Add(rest.Trim().Trim('"', '\''));
                    break;
                case "for" or "tablerow":
                {
                    var loop = ForLoop().Match(rest);
                    if (loop.Success)
                    {
                        defined.Add(loop.Groups["item"].Value);
                        AddExpression(loop.Groups["collection"].Value, restIndex + loop.Groups["collection"].Index, used);
                    }

                    break;
                }

                case "if" or "elsif" or "unless" or "case" or "when":
                    AddExpression(rest, restIndex, used);
                    break;
            }
        }

        return used.Where(v => !defined.Contains(v.Name) && !Keywords.Contains(v.Name)).DistinctBy(v => v.Name).ToList();
    }

    /// <summary>The root names an expression reads, skipping string literals, numbers and filter names.</summary>
    private static void AddExpression(string expression, int start, List<LiquidVariable> used)
    {
        // Blank out string literals (keeping positions) so their words are not taken for names.
        var plain = StringLiteral().Replace(expression, m => new string(' ', m.Length));
        foreach (Match match in Name().Matches(plain))
        {
            var before = plain[..match.Index].TrimEnd();
            var after = plain[(match.Index + match.Length)..].TrimStart();
            // `| upcase` is a filter name, `.total` a property, `limit: 3` a named argument.
            if (before.EndsWith('|') || before.EndsWith('.') || after.StartsWith(':'))
            {
                continue;
            }

            used.Add(new LiquidVariable(match.Value, start + match.Index));
        }
    }

    [GeneratedRegex(@"\{\{-?(?<output>.*?)-?\}\}|\{%-?(?<tag>.*?)-?%\}", RegexOptions.Singleline)]
    private static partial Regex Markup();

    [GeneratedRegex(@"^[\p{L}_]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"^\s*(?<item>[\p{L}_][\p{L}\p{N}_]*)\s+in\s+(?<collection>\S+)")]
    private static partial Regex ForLoop();

    [GeneratedRegex(@"""[^""]*""|'[^']*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_\.\-])[\p{L}_][\p{L}\p{N}_\-]*")]
    private static partial Regex Name();
}
