using System.Linq.Expressions;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Syntax;

namespace CampaignEngine.Dsl.Compilation;

/// <summary>
/// Builds the explain function of a condition: each part compiled to its own small delegate. Explaining is
/// for one customer at a time, so it may box; it is compiled on first use so campaign loads do not pay for it.
/// </summary>
internal static class ConditionExplainer
{
    public static Func<TContext, int, IReadOnlyList<ConditionPart>> Build<TContext>(BoundExpression condition, string text, SourcePlacement placement)
    {
        var parts = new Lazy<Part<TContext>[]>(() => Parts<TContext>(condition, text, placement).ToArray());
        return (context, row) => parts.Value
            .Select(p => new ConditionPart(p.Text, p.Line, p.Column, p.Depth, p.Type, ClrTypes.Display(p.Type, p.Read(context, row))))
            .ToArray();
    }

    private static IEnumerable<Part<TContext>> Parts<TContext>(BoundExpression condition, string text, SourcePlacement placement)
    {
        var contextParameter = Expression.Parameter(typeof(TContext), "context");
        var rowParameter = Expression.Parameter(typeof(int), "row");
        var lowering = new ExpressionLowering(contextParameter, rowParameter);
        foreach (var (node, depth) in Walk(condition, 0))
        {
            if (node.Type is not { } type || ClrTypes.Of(type) is null)
            {
                continue;
            }

            var body = Expression.Convert(lowering.Lower(node), typeof(object));
            var read = Expression.Lambda<Func<TContext, int, object?>>(body, contextParameter, rowParameter).Compile();
            var (line, column) = placement.Place(node.Span.Line, node.Span.Column);
            yield return new Part<TContext>(SourceText.Slice(text, node.Span).Trim(), line, column, depth, type, read);
        }
    }

    private static IEnumerable<(BoundExpression Node, int Depth)> Walk(BoundExpression node, int depth)
    {
        if (node is BoundLiteral)
        {
            yield break;
        }

        yield return (node, depth);
        IEnumerable<BoundExpression> children = node switch
        {
            BoundLogical logical => [logical.Left, logical.Right],
            BoundNot not => [not.Operand],
            BoundNegate negate => [negate.Operand],
            BoundKnown known => [known.Operand],
            BoundComparison comparison => [comparison.Left, comparison.Right],
            BoundArithmetic arithmetic => [arithmetic.Left, arithmetic.Right],
            BoundCall call => call.Arguments,
            BoundIn inList => [inList.Value, .. inList.Items],
            BoundBetween between => [between.Value, between.Low, between.High],
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var part in Walk(child, depth + 1))
            {
                yield return part;
            }
        }
    }

    private sealed record Part<TContext>(string Text, int Line, int Column, int Depth, DslType Type, Func<TContext, int, object?> Read);
}
