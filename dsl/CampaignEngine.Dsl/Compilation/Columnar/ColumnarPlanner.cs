using System.Linq.Expressions;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Syntax;

namespace CampaignEngine.Dsl.Compilation.Columnar;

/// <summary>
/// Turns a checked condition into kernels over columns: comparisons and arithmetic on numbers, text ids against
/// literals, boolean columns, combined by <c>and</c> / <c>or</c> / <c>not</c> on bitmasks. The missing-value rule is
/// the row-by-row one (a comparison with NaN is false, <c>not</c> inverts, <c>x not in</c> and <c>not between</c> need
/// a known x). Whatever has no kernel becomes a compiled row-by-row loop in the middle of the plan.
/// </summary>
internal static class ColumnarPlanner
{
    public static MaskNode<TContext> Condition<TContext>(BoundExpression node)
    {
        switch (node)
        {
            case BoundLiteral { Value: bool value }:
                return new MaskConstant<TContext>(value);
            case not BoundLiteral when RowInvariance.Of(node, typeof(TContext)):
                return new MaskInvariant<TContext>(Invariant<TContext>(node));
            case BoundLogical logical:
                var operands = new List<BoundExpression>();
                ExpressionLowering.Flatten(logical.Operator, logical, operands);
                return new MaskLogic<TContext>(logical.Operator == BinaryOperator.And, [.. operands.OrderBy(o => ExpressionLowering.Cost(o, typeof(TContext))).Select(Condition<TContext>)]);
            case BoundNot not:
                // The not of a row-by-row part is row by row too, so that an `and` can narrow it as a whole.
                var inner = Condition<TContext>(not.Operand);
                return inner is ScalarMask<TContext> ? RowByRow<TContext>(node) : new MaskNot<TContext>(inner);
            case BoundComparison or BoundIn when TextIdComparison.Of(node) is { } ids:
                return ids.EmptyList ? new MaskConstant<TContext>(false) : new TextIdTest<TContext>(new((Expression<Func<TContext, int[]>>)ids.Column), ids.Ids, ids.Negated);
            case BoundKnown { Operand: BoundField { IdColumn: Expression<Func<TContext, int[]>> column } }:
                return new TextIdTest<TContext>(new(column), [], negated: true);
            case BoundKnown { Operand: var operand } when Number<TContext>(operand) is { } value:
                return Known(value);
            case BoundComparison { Domain: ValueDomain.Numeric } comparison when Number<TContext>(comparison.Left) is { } left && Number<TContext>(comparison.Right) is { } right:
                return new NumberComparison<TContext>(comparison.Operator, left, right);
            case BoundIn { Domain: ValueDomain.Numeric } inList when Number<TContext>(inList.Value) is { } value && Numbers<TContext>(inList.Items) is { } items:
                return In(value, items, inList.Negated);
            case BoundBetween { Domain: ValueDomain.Numeric } between when Numbers<TContext>([between.Value, between.Low, between.High]) is [var value, var low, var high]:
                return Between(value, low, high, between.Negated);
            case BoundField { FieldType: DslType.Bool, Definition: { } definition }:
                return Condition<TContext>(definition);
            case BoundField { FieldType: DslType.Bool } field when ColumnReads.Column<TContext, bool>(field.Read) is { } column:
                return new BoolColumn<TContext>(column);
            default:
                // A whole comparison rather than its operand: under an `and` it then runs only on the rows left.
                return RowByRow<TContext>(node);
        }
    }

    private static ScalarMask<TContext> RowByRow<TContext>(BoundExpression node) => new((context, row, slots) => new ExpressionLowering(context, row, slots).Lower(node));

    /// <summary>A part that is the same for every row, as a test of the context alone.</summary>
    internal static Func<TContext, bool> Invariant<TContext>(BoundExpression node)
    {
        var context = Expression.Parameter(typeof(TContext), "context");
        return Expression.Lambda<Func<TContext, bool>>(new ExpressionLowering(context, Expression.Constant(0)).Lower(node), context).Compile();
    }

    private static MaskNode<TContext> In<TContext>(NumberNode<TContext> value, NumberNode<TContext>[] items, bool negated)
    {
        if (items.Length == 0)
        {
            return new MaskConstant<TContext>(false); // `x in []` and `x not in []` alike, as row by row
        }

        MaskNode<TContext> any = new MaskLogic<TContext>(and: false, [.. items.Select(i => new NumberComparison<TContext>(BinaryOperator.Equal, value, i))]);
        return negated ? new MaskLogic<TContext>(and: true, [Known(value), new MaskNot<TContext>(any)]) : any;
    }

    private static MaskNode<TContext> Between<TContext>(NumberNode<TContext> value, NumberNode<TContext> low, NumberNode<TContext> high, bool negated)
    {
        var inside = new MaskLogic<TContext>(and: true,
            [new NumberComparison<TContext>(BinaryOperator.GreaterOrEqual, value, low), new NumberComparison<TContext>(BinaryOperator.LessOrEqual, value, high)]);
        return negated
            ? new MaskLogic<TContext>(and: true, [Known(value), Known(low), Known(high), new MaskNot<TContext>(inside)])
            : inside;
    }

    /// <summary>NaN is the only double not equal to itself.</summary>
    private static MaskNode<TContext> Known<TContext>(NumberNode<TContext> value) => new NumberComparison<TContext>(BinaryOperator.Equal, value, value);

    private static NumberNode<TContext>[]? Numbers<TContext>(IEnumerable<BoundExpression> nodes)
    {
        var numbers = nodes.Select(Number<TContext>).ToArray();
        return numbers.All(n => n is not null) ? numbers.OfType<NumberNode<TContext>>().ToArray() : null;
    }

    /// <summary>The kernel of a number, or null when some part of it has none (a host function, a computed fact).</summary>
    private static NumberNode<TContext>? Number<TContext>(BoundExpression node)
    {
        switch (node)
        {
            case BoundLiteral { Value: double value }:
                return new NumberConstant<TContext>(value);
            case BoundField field when !IsNumber(field):
                return null; // a date is an int too, but its missing value is int.MinValue, not NaN
            case BoundField { Definition: { } definition }:
                return Number<TContext>(definition);
            case BoundField field when ColumnReads.Column<TContext, double>(field.Read) is { } column:
                return new DoubleColumn<TContext>(column);
            case BoundField field when ColumnReads.Column<TContext, int>(field.Read) is { } column:
                return new IntColumn<TContext>(column);
            case BoundField field when !ExpressionSearch.Contains(field.Read.Body, e => e is InvocationExpression):
                // Field readers are cheap by contract (docs/dsl.md); a script fact's delegate may not be, and keeps
                // the row-by-row comparison that an `and` runs only on the rows still selected.
                return new ScalarNumber<TContext>((context, row, slots) => new ExpressionLowering(context, row, slots).Lower(field));
            case BoundArithmetic { Kind: ArithmeticKind.Numeric } arithmetic when Number<TContext>(arithmetic.Left) is { } left && Number<TContext>(arithmetic.Right) is { } right:
                return new NumberArithmetic<TContext>(arithmetic.Operator, left, right);
            case BoundNegate negate when Number<TContext>(negate.Operand) is { } operand:
                // x * −1 is exactly −x in IEEE arithmetic, NaN included.
                return new NumberArithmetic<TContext>(BinaryOperator.Multiply, operand, new NumberConstant<TContext>(-1));
            default:
                return null;
        }
    }

    private static bool IsNumber(BoundExpression node) => node.Type is { } type && ClrTypes.Of(type) == typeof(double);
}
