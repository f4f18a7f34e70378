using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CampaignEngine.Dsl.Binding;

namespace CampaignEngine.Dsl.Compilation;

/// <summary>
/// Which parts of a condition are the same for every customer of a context: literals, fields whose reader does
/// not read the row and calls nothing (<c>(t, r) =&gt; t.Weekday</c>), calls of functions the host declared
/// <see cref="FunctionDefinition{TContext}.Pure"/> whose expression does not read the row (<c>is_holiday("春节")</c>),
/// and whatever is built of those alone. Such a part is evaluated once per block, not once per row.
/// </summary>
internal static class RowInvariance
{
    /// <summary>Nodes are immutable and each belongs to one compilation: the answer is kept with the node (by reference).</summary>
    private static readonly ConditionalWeakTable<BoundExpression, StrongBox<bool>> Known = new();

    public static bool Of(BoundExpression node, Type context)
        => Known.GetValue(node, n => new StrongBox<bool>(Compute(n, context))).Value;

    private static bool Compute(BoundExpression node, Type context) => node switch
    {
        BoundLiteral => true,
        BoundField { Definition: { } definition } => Of(definition, context),
        // A derived fact's reader is a lowered condition that may call functions of any purity: only plain reads count.
        BoundField field => !Reads(field.Read.Body, field.Read.Parameters[1]) && !Calls(field.Read.Body),
        BoundCall call => call.Pure && call.Arguments.All(a => Of(a, context)) && !BuiltReadsRow(call, context),
        BoundKnown known => Of(known.Operand, context),
        BoundNegate negate => Of(negate.Operand, context),
        BoundNot not => Of(not.Operand, context),
        BoundLogical logical => Of(logical.Left, context) && Of(logical.Right, context),
        BoundArithmetic arithmetic => Of(arithmetic.Left, context) && Of(arithmetic.Right, context),
        BoundComparison comparison => Of(comparison.Left, context) && Of(comparison.Right, context),
        BoundIn inList => Of(inList.Value, context) && inList.Items.All(i => Of(i, context)),
        BoundBetween between => Of(between.Value, context) && Of(between.Low, context) && Of(between.High, context),
        _ => false,
    };

    /// <summary>The host builds the call's expression from the row expression it is given: whether it used it.</summary>
    private static bool BuiltReadsRow(BoundCall call, Type context)
    {
        var c = Expression.Parameter(context, "context");
        var row = Expression.Parameter(typeof(int), "row");
        var lowering = new ExpressionLowering(c, row);
        return Reads(call.Build(c, row, [.. call.Arguments.Select(lowering.Lower)]), row);
    }

    private static bool Reads(Expression body, ParameterExpression parameter) => ExpressionSearch.Contains(body, e => e == parameter);

    private static bool Calls(Expression body)
        => ExpressionSearch.Contains(body, e => e is MethodCallExpression or InvocationExpression or NewExpression or LambdaExpression);
}
