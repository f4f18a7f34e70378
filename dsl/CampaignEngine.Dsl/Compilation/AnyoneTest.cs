using System.Linq.Expressions;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Syntax;

namespace CampaignEngine.Dsl.Compilation;

/// <summary>
/// Whether a condition can hold for anyone of a context, from its row-invariant parts alone
/// (<see cref="RowInvariance"/>): such a part stands for itself, an <c>and</c> needs each operand possible, an
/// <c>or</c> one of them; anything that depends on the row might hold. Since a loop asks the invariant parts of
/// an <c>and</c> first (they cost nothing there) and stops at a false one, "impossible" means no row would get
/// further than those parts — skipping the rows changes nothing.
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

    private static Expression Possible(BoundExpression node, ParameterExpression context, Type type)
    {
        if (node is BoundLiteral { Value: bool value })
        {
            return Expression.Constant(value);
        }

        if (RowInvariance.Of(node, type))
        {
            return new ExpressionLowering(context, Expression.Constant(0)).Lower(node);
        }

        if (node is not BoundLogical logical)
        {
            return Expression.Constant(true);
        }

        var and = logical.Operator == BinaryOperator.And;
        var operands = new List<BoundExpression>();
        ExpressionLowering.Flatten(logical.Operator, logical, operands);
        var parts = operands.Select(o => Possible(o, context, type)).ToList();
        // A constant that settles the whole settles it; the others drop out.
        if (parts.Any(p => p is ConstantExpression { Value: bool b } && b != and))
        {
            return Expression.Constant(!and);
        }

        var open = parts.Where(p => p is not ConstantExpression).ToList();
        return open.Count == 0 ? Expression.Constant(and) : open.Aggregate(and ? Expression.AndAlso : Expression.OrElse);
    }
}
