using System.Linq.Expressions;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Syntax;

namespace CampaignEngine.Dsl.Compilation;

/// <summary>
/// Whether a condition can hold for anyone of a context, from its row-invariant parts alone
/// (<see cref="RowInvariance"/>): such a part stands for itself, an <c>and</c> needs each operand possible, an
/// <c>or</c> one of them, a <c>not</c> an operand that is not true for everyone; anything that depends on the row
/// might hold. Since a loop asks the invariant operands of an <c>and</c> / <c>or</c> first (they cost nothing
/// there) and stops at one that settles it, "impossible" means no row would get further than those parts (bar
/// cheap column comparisons, which cannot fail) — skipping the rows changes nothing.
/// </summary>
internal static class AnyoneTest
{
    /// <summary>The test, or null when nothing in the condition is the same for every row.</summary>
    public static Func<TContext, bool>? Compile<TContext>(BoundExpression condition)
    {
        var context = Expression.Parameter(typeof(TContext), "context");
        var possible = Possible(condition, context, typeof(TContext));
        return possible is ConstantExpression { Value: true }
            ? null
            : Expression.Lambda<Func<TContext, bool>>(possible, context).Compile();
    }

    /// <summary>Asks the test; a part that throws counts as possible, so that the rows are evaluated and the failure reported where it belongs.</summary>
    public static bool Ask<TContext>(Func<TContext, bool> test, TContext context)
    {
        try
        {
            return test(context);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return true;
        }
    }

    /// <summary>Whether the node can be true for some row: false only when its invariant parts say so.</summary>
    private static Expression Possible(BoundExpression node, ParameterExpression context, Type type) => Settled(node, context, type, wanted: true);

    /// <summary>
    /// <paramref name="wanted"/> true: whether the node can be true for some row; false: whether it is true for
    /// every row (then its <c>not</c> cannot be true for anyone).
    /// </summary>
    private static Expression Settled(BoundExpression node, ParameterExpression context, Type type, bool wanted)
    {
        if (node is BoundLiteral { Value: bool value })
        {
            return Expression.Constant(value);
        }

        if (RowInvariance.Of(node, type))
        {
            return new ExpressionLowering(context, Expression.Constant(0)).Lower(node);
        }

        switch (node)
        {
            case BoundNot not:
                // not X can be true for someone unless X is true for everyone, and is true for everyone when X can be for no one.
                var inner = Settled(not.Operand, context, type, !wanted);
                return inner is ConstantExpression { Value: bool b } ? Expression.Constant(!b) : Expression.Not(inner);
            case BoundLogical logical:
                // "Can be true": an `and` needs every operand possible, an `or` one. "True for everyone": an `and`
                // needs every operand so, an `or` one (a sufficient test: false only means "cannot tell").
                var all = logical.Operator == BinaryOperator.And;
                var operands = new List<BoundExpression>();
                ExpressionLowering.Flatten(logical.Operator, logical, operands);
                var parts = operands.Select(o => Settled(o, context, type, wanted)).ToList();
                if (parts.Any(p => p is ConstantExpression { Value: bool c } && c != all))
                {
                    return Expression.Constant(!all);
                }

                var open = parts.Where(p => p is not ConstantExpression).ToList();
                return open.Count == 0 ? Expression.Constant(all) : open.Aggregate(all ? Expression.AndAlso : Expression.OrElse);
            default:
                // A part that reads the row might be true for someone, and is not known to be true for everyone.
                return Expression.Constant(wanted);
        }
    }
}
