using System.Linq.Expressions;

namespace CampaignEngine.Dsl.Compilation;

/// <summary>Inlines a host's field reader <c>(ctx, row) =&gt; …</c> by substituting our parameters for its
/// own: the compiled rule then reads the column array directly instead of invoking a delegate per field.</summary>
internal sealed class ParameterReplacer(ParameterExpression context, Expression contextValue, ParameterExpression row, Expression rowValue)
    : ExpressionVisitor
{
    public static Expression Inline(LambdaExpression read, Expression context, Expression row)
        => new ParameterReplacer(read.Parameters[0], context, read.Parameters[1], row).Visit(read.Body);

    /// <summary>Inlines a host's column reader <c>ctx =&gt; ctx.LevelIds</c>.</summary>
    public static Expression Inline(LambdaExpression column, Expression context)
        => new ParameterReplacer(column.Parameters[0], context, Expression.Parameter(typeof(int)), context).Visit(column.Body);

    protected override Expression VisitParameter(ParameterExpression node)
        => node == context ? contextValue : node == row ? rowValue : node;
}
