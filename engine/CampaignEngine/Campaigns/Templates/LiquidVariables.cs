using System.Text.RegularExpressions;
using DotLiquid;
using DotLiquid.Tags;

namespace CampaignEngine.Campaigns.Templates;

/// <summary>
/// The variables a parsed Liquid template reads, found by walking DotLiquid's nodes: <c>{{ x }}</c>,
/// filter arguments, the conditions of if/unless/case, loop collections. Names the template defines
/// itself (assign, capture, for loop variables) are not reported. Only the root of a path counts:
/// <c>{{ order.total }}</c> reads <c>order</c>.
/// </summary>
internal static partial class LiquidVariables
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "and", "or", "contains", "in", "reversed", "limit", "offset", "true", "false", "nil", "null", "empty", "blank",
        "with", "for", "as", "by", "forloop", "else",
    };

    public static IReadOnlyList<string> Read(Template template)
    {
        var used = new List<string>();
        var defined = new HashSet<string>(StringComparer.Ordinal);
        Walk(template.Root.NodeList, used, defined);
        return used.Where(name => !defined.Contains(name) && !Keywords.Contains(name)).Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Walk(IEnumerable<object>? nodes, List<string> used, HashSet<string> defined)
    {
        foreach (var node in nodes ?? [])
        {
            switch (node)
            {
                case Variable variable:
                    AddExpression(variable.Name, used);
                    foreach (var filter in variable.Filters)
                    {
                        foreach (var argument in filter.Arguments)
                        {
                            AddExpression(argument, used);
                        }
                    }

                    break;

                case For loop:
                {
                    var parts = loop.Markup.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length > 0)
                    {
                        defined.Add(parts[0]);
                    }

                    if (parts.Length == 3)
                    {
                        AddExpression(parts[2], used);
                    }

                    Walk(loop.ForBlock, used, defined);
                    Walk(loop.ElseBlock?.Attachment, used, defined);
                    break;
                }

                case If conditional:
                    AddExpression(conditional.Markup, used);
                    foreach (var block in conditional.Blocks)
                    {
                        AddExpression(block.Left, used);
                        AddExpression(block.Right, used);
                        Walk(block.Attachment, used, defined);
                    }

                    break;

                case Tag tag:
                    switch (tag.TagName)
                    {
                        case "assign":
                        {
                            var equals = tag.Markup.IndexOf('=', StringComparison.Ordinal);
                            if (equals > 0)
                            {
                                defined.Add(tag.Markup[..equals].Trim());
                                AddExpression(tag.Markup[(equals + 1)..], used);
                            }

                            break;
                        }

                        case "capture":
                            defined.Add(tag.Markup.Trim().Trim('"', '\''));
                            break;
                        case "comment" or "raw" or "include" or "cycle":
                            break;
                        default:
                            AddExpression(tag.Markup, used);
                            break;
                    }

                    if (tag is Block && tag.TagName is not ("comment" or "raw"))
                    {
                        Walk(tag.NodeList, used, defined);
                    }

                    break;
            }
        }
    }

    /// <summary>The root names an expression reads, skipping string literals, numbers and filter names.</summary>
    private static void AddExpression(string? expression, List<string> used)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return;
        }

        var withoutStrings = StringLiteral().Replace(expression, " ");
        // Everything after a '|' inside a tag is filters: their names are not variables, their arguments are.
        foreach (Match match in RootName().Matches(withoutStrings))
        {
            var previous = match.Index > 0 ? withoutStrings[..match.Index].TrimEnd() : "";
            if (previous.EndsWith('|') || previous.EndsWith('.'))
            {
                continue;
            }

            used.Add(match.Value);
        }
    }

    [GeneratedRegex(@"""[^""]*""|'[^']*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_\.\-])[\p{L}_][\p{L}\p{N}_\-]*(?=\s*[^:\p{L}\p{N}_\-]|\s*$)")]
    private static partial Regex RootName();
}
