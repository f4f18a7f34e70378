using System.Globalization;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Compilation;

namespace CampaignEngine.Evaluation;

/// <summary>One part of a condition as explain shows it: <c>frequency >= 3</c> → <c>5 >= 3 ✓</c>.</summary>
public sealed record ExplainedPart(string Text, string Shown, int Depth, object? Value);

/// <summary>A condition with its result for one customer: true, false, or null when it could not be decided (an error).</summary>
public sealed record ExplainedCondition(string Text, bool? Result, IReadOnlyList<ExplainedPart> Parts, string? Error = null);

/// <summary>
/// Turns the DSL's per-part values (<see cref="CompiledCondition{TContext}.Explain"/>) into what a marketer
/// reads: each comparison with its sides replaced by their values and a ✓ or ✗, each calculation with
/// its result, each fact with its value, a missing value shown as <c>missing</c>.
/// </summary>
internal static class ConditionBreakdown
{
    public const string Yes = "✓";
    public const string No = "✗";

    public static ExplainedCondition Explain<TContext>(CompiledCondition<TContext> condition, TContext context, int row)
    {
        bool? result;
        try
        {
            result = condition.Test(context, row);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new ExplainedCondition(condition.Text, null, [], ex.Message);
        }

        IReadOnlyList<ConditionPart> parts;
        try
        {
            parts = condition.Explain(context, row);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new ExplainedCondition(condition.Text, result, [], "the breakdown failed: " + ex.Message);
        }

        return new ExplainedCondition(condition.Text, result, Show(parts));
    }

    internal static IReadOnlyList<ExplainedPart> Show(IReadOnlyList<ConditionPart> parts)
    {
        var shown = new List<ExplainedPart>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var children = new List<ConditionPart>();
            for (var j = i + 1; j < parts.Count && parts[j].Depth > part.Depth; j++)
            {
                if (parts[j].Depth == part.Depth + 1)
                {
                    children.Add(parts[j]);
                }
            }

            shown.Add(new ExplainedPart(part.Text, Describe(part, children), part.Depth, part.Value));
        }

        return shown;
    }

    private static string Describe(ConditionPart part, List<ConditionPart> children)
    {
        if (part.Type == DslType.Bool)
        {
            var mark = part.Value is true ? Yes : part.Value is false ? No : "missing";
            // `a and b`, `not a`: the joined parts carry their own lines; show the text and the result.
            if (children.Count == 0 || children.All(c => c.Type == DslType.Bool))
            {
                return $"{part.Text} {mark}";
            }

            return $"{Substitute(part, children)} {mark}";
        }

        return children.Count == 0 ? $"{part.Text} = {Value(part.Value, leaf: true)}" : $"{part.Text} = {Substitute(part, children)} = {Value(part.Value, leaf: false)}";
    }

    /// <summary>The part's text with each direct sub-part replaced by its value (by position when on the same line).</summary>
    private static string Substitute(ConditionPart part, List<ConditionPart> children)
    {
        var text = part.Text;
        foreach (var child in children.OrderByDescending(c => c.Line == part.Line ? c.Column : -1))
        {
            var value = Value(child.Value, leaf: child.Text.IndexOfAny(['+', '-', '*', '/']) < 0);
            var offset = child.Line == part.Line ? child.Column - part.Column : -1;
            if (offset >= 0 && offset + child.Text.Length <= text.Length && string.CompareOrdinal(text, offset, child.Text, 0, child.Text.Length) == 0)
            {
                text = string.Concat(text.AsSpan(0, offset), value, text.AsSpan(offset + child.Text.Length));
            }
            else if (text.IndexOf(child.Text, StringComparison.Ordinal) is var at and >= 0)
            {
                text = string.Concat(text.AsSpan(0, at), value, text.AsSpan(at + child.Text.Length));
            }
        }

        return text;
    }

    /// <summary>A value for people: missing, whole numbers plain (a calculated one as 36.0), dates yyyy-MM-dd, text quoted.</summary>
    internal static string Value(object? value, bool leaf) => value switch
    {
        null => "missing",
        double d when double.IsNaN(d) => "missing",
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString(leaf ? "0" : "0.0", CultureInfo.InvariantCulture),
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => $"\"{s}\"",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "missing",
    };
}
