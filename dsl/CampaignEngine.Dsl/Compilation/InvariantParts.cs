using System.Linq.Expressions;

namespace CampaignEngine.Dsl.Compilation;

/// <summary>
/// In the expression a <see cref="Binding.FunctionDefinition{TContext}.Pure"/> function built for a loop over rows,
/// the method calls that read nothing but the context (<c>tag.LoadedColumn(context.History)</c> in
/// <c>tag.LoadedColumn(context.History)[row]</c>) are the same for every row: each becomes an
/// <see cref="InvariantSlots"/> part, computed when a row first needs it.
/// </summary>
internal sealed class InvariantParts(Expression context, InvariantSlots slots) : ExpressionVisitor
{
    public override Expression? Visit(Expression? node)
        => node is MethodCallExpression && ReadsOnlyContext(node) ? slots.Hoist(node) : base.Visit(node);

    /// <summary>No parameter but the context, and no scope of its own (a block's variables, a lambda's parameters).</summary>
    private bool ReadsOnlyContext(Expression node)
        => !ExpressionSearch.Contains(node, e => e is BlockExpression or LambdaExpression || (e is ParameterExpression && e != context));
}
