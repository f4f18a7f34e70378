using System.Linq.Expressions;
using System.Reflection;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Syntax;
using E = System.Linq.Expressions.Expression;

namespace CampaignEngine.Dsl.Compilation;

/// <summary>
/// Lowers a bound expression to System.Linq.Expressions over <c>(context, row)</c>. Missing values follow
/// one rule (docs/dsl.md): arithmetic with a missing operand is missing, a comparison with a missing
/// operand is false, <c>not</c> inverts whatever it gets. Nothing here can throw at evaluation time:
/// division by zero gives missing, dates pushed out of the calendar are missing. No allocation either:
/// values stay doubles and ints, text is compared in place. Given <see cref="InvariantSlots"/> (a loop over rows),
/// the parts that are the same for every row are computed once and reused.
/// </summary>
internal sealed class ExpressionLowering(Expression context, Expression row, InvariantSlots? slots = null)
{
    private const double LargestDayShift = 3_000_000;

    /// <summary>Up to this cost an operand of and/or runs without a branch: a column against a literal or
    /// another column, with a little arithmetic.</summary>
    private const int BranchFreeCost = 4;

    private static readonly MethodInfo TextEquals =
        typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string), typeof(StringComparison)])!;

    private static readonly MethodInfo OrdinalEquals =
        typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string)])!;

    private static readonly MethodInfo Floor = typeof(Math).GetMethod(nameof(Math.Floor), [typeof(double)])!;

    private static readonly E NaN = E.Constant(double.NaN);
    private static readonly E MissingDay = E.Constant(int.MinValue);

    public Expression Lower(BoundExpression node)
        => slots is not null && node is not BoundLiteral && RowInvariance.Of(node, context.Type)
            ? slots.Hoist(new ExpressionLowering(context, row).Lower(node))
            : LowerNode(node);

    private Expression LowerNode(BoundExpression node) => node switch
    {
        BoundLiteral literal => E.Constant(literal.Value, ClrTypes.Of(literal.LiteralType)!),
        BoundField field => Field(field),
        BoundCall call => Call(call),
        BoundKnown known => Known(known.Operand.Type!.Value, Lower(known.Operand)),
        BoundNegate negate => E.Negate(Lower(negate.Operand)),
        BoundNot not => E.Not(Lower(not.Operand)),
        BoundLogical logical => Logical(logical),
        BoundArithmetic arithmetic => Arithmetic(arithmetic),
        BoundComparison or BoundIn when TextIdComparison.Of(node) is { } ids => Shared(E.ArrayIndex(ParameterReplacer.Inline(ids.Column, context), row), ids.Test),
        BoundComparison comparison => Shared(Lower(comparison.Left), Lower(comparison.Right),
            (l, r) => Compare(comparison.Operator, comparison.Domain, l, r)),
        BoundIn inList => In(inList),
        BoundBetween between => Between(between),
        _ => throw new InvalidOperationException($"cannot lower {node.GetType().Name}: the binder let an error through"),
    };

    private Expression Field(BoundField field)
    {
        var read = field.Read;
        if (read.Parameters.Count != 2 || read.Parameters[1].Type != typeof(int) || !read.Parameters[0].Type.IsAssignableFrom(context.Type))
        {
            throw new InvalidOperationException($"the schema field '{field.Name}' must read as (context, int row) => value");
        }

        var body = ParameterReplacer.Inline(read, context, row);
        return Checked(body, field.FieldType, $"the schema field '{field.Name}'");
    }

    private Expression Call(BoundCall call)
    {
        var arguments = call.Arguments.Select(Lower).ToArray();
        var body = call.Build(context, row, arguments);
        if (slots is not null && call.Pure)
        {
            // What the host computes from the context alone (a tag's column) is the same for every row.
            body = new InvariantParts(context, slots).Visit(body)!;
        }

        return Checked(body, call.ReturnType, $"the schema function '{call.Name}'");
    }

    /// <summary>A host whose reader returns the wrong CLR type has a bug; say which fact, at load time.</summary>
    private static Expression Checked(Expression body, DslType type, string what)
    {
        if (ClrTypes.Of(type) is { } clr && body.Type != clr)
        {
            throw new InvalidOperationException($"{what} is declared {type} and must produce {clr.Name}, but produces {body.Type.Name}");
        }

        return body;
    }

    private Expression Logical(BoundLogical logical)
    {
        // `and`/`or` are pure and never throw, so their operands may run cheapest first.
        var operands = new List<BoundExpression>();
        Flatten(logical.Operator, logical, operands);
        var sorted = operands.OrderBy(o => Cost(o, context.Type)).ToList();
        var ordered = sorted.Select(Lower).ToList();
        // Comparisons of columns with literals cost less than a mispredicted branch (customers' facts are
        // close to random from row to row), so they are all evaluated and combined without branching;
        // dearer operands keep short-circuiting.
        var result = ordered[0];
        for (var i = 1; i < ordered.Count; i++)
        {
            var branchFree = Cost(sorted[i], context.Type) <= BranchFreeCost;
            result = (logical.Operator == BinaryOperator.And, branchFree) switch
            {
                (true, true) => E.And(result, ordered[i]),
                (true, false) => E.AndAlso(result, ordered[i]),
                (false, true) => E.Or(result, ordered[i]),
                _ => E.OrElse(result, ordered[i]),
            };
        }

        return result;
    }

    /// <summary>The operands of a chain of the same <c>and</c> / <c>or</c>.</summary>
    internal static void Flatten(BinaryOperator op, BoundExpression node, List<BoundExpression> operands)
    {
        if (node is BoundLogical logical && logical.Operator == op)
        {
            Flatten(op, logical.Left, operands);
            Flatten(op, logical.Right, operands);
        }
        else
        {
            operands.Add(node);
        }
    }

    /// <summary>
    /// A rough cost: reading a column is cheap (text ids too), comparing text and host functions are dearer. A part
    /// that is the same for every row (<see cref="RowInvariance"/>) costs nothing in a loop, where it is computed once:
    /// it goes first, so that when it settles an <c>and</c> (<c>or</c>) no row-dependent part is asked at all.
    /// </summary>
    internal static int Cost(BoundExpression node, Type context) => RowInvariance.Of(node, context) ? 0 : node switch
    {
        BoundLiteral => 0,
        BoundField => 1,
        BoundCall call => 8 + call.Arguments.Sum(a => Cost(a, context)),
        BoundKnown known => 1 + Cost(known.Operand, context),
        BoundNegate negate => 1 + Cost(negate.Operand, context),
        BoundNot not => Cost(not.Operand, context),
        BoundLogical logical => Cost(logical.Left, context) + Cost(logical.Right, context),
        BoundArithmetic arithmetic => (arithmetic.Operator == BinaryOperator.Divide ? 3 : 1) + Cost(arithmetic.Left, context) + Cost(arithmetic.Right, context),
        BoundComparison or BoundIn when TextIdComparison.Of(node) is { } ids => 1 + ids.Ids.Length,
        BoundComparison comparison => (comparison.Domain == ValueDomain.Text ? 4 : 1) + Cost(comparison.Left, context) + Cost(comparison.Right, context),
        BoundIn inList => Cost(inList.Value, context) + inList.Items.Sum(i => 1 + Cost(i, context)) * (inList.Domain == ValueDomain.Text ? 4 : 1),
        BoundBetween between => 2 + Cost(between.Value, context) + Cost(between.Low, context) + Cost(between.High, context),
        _ => 0,
    };

    private Expression Arithmetic(BoundArithmetic arithmetic)
    {
        var left = Lower(arithmetic.Left);
        var right = Lower(arithmetic.Right);
        switch (arithmetic.Kind)
        {
            case ArithmeticKind.DateDifference:
                return Shared(left, right, (a, b) =>
                    E.Condition(E.OrElse(E.Equal(a, MissingDay), E.Equal(b, MissingDay)), NaN, E.Convert(E.Subtract(a, b), typeof(double))));
            case ArithmeticKind.DateShift:
                return DateShift(arithmetic.Operator, left, right);
        }

        return arithmetic.Operator switch
        {
            BinaryOperator.Add => E.Add(left, right),
            BinaryOperator.Subtract => E.Subtract(left, right),
            BinaryOperator.Multiply => E.Multiply(left, right),
            // IEEE would give ±infinity; a marketer's "per order" over zero orders is simply unknown.
            _ when right is ConstantExpression { Value: double divisor } && divisor != 0 => E.Divide(left, right),
            _ => Shared(left, right, (a, b) => E.Condition(E.Equal(b, E.Constant(0.0)), NaN, E.Divide(a, b))),
        };
    }

    private static Expression DateShift(BinaryOperator op, Expression date, Expression days)
    {
        var day = E.Variable(typeof(int), "day");
        var shift = E.Variable(typeof(double), "shift");
        var moved = E.Variable(typeof(int), "moved");
        var whole = E.Convert(E.Call(Floor, shift), typeof(int));
        return E.Block(
            [day, shift, moved],
            E.Assign(day, date),
            E.Assign(shift, days),
            E.Condition(
                // NaN fails the range test too, so a missing duration gives a missing date.
                E.OrElse(E.Equal(day, MissingDay), E.Not(E.LessThanOrEqual(E.Call(typeof(Math).GetMethod(nameof(Math.Abs), [typeof(double)])!, shift), E.Constant(LargestDayShift)))),
                MissingDay,
                E.Block(
                    E.Assign(moved, op == BinaryOperator.Subtract ? E.Subtract(day, whole) : E.Add(day, whole)),
                    E.Condition(
                        E.OrElse(E.LessThan(moved, E.Constant(0)), E.GreaterThan(moved, E.Constant(ClrTypes.DayNumberLimit))),
                        MissingDay,
                        moved))));
    }

    private Expression In(BoundIn inList)
    {
        var value = Lower(inList.Value);
        var items = inList.Items.Select(Lower).ToList();
        return Shared(value, v =>
        {
            if (items.Count == 0)
            {
                return E.Constant(false);
            }

            var any = items.Select(i => Compare(BinaryOperator.Equal, inList.Domain, v, i)).Aggregate(E.OrElse);
            // `x not in [...]` is a comparison too: false when x is missing.
            return inList.Negated ? E.AndAlso(Known(inList.Value.Type!.Value, v), E.Not(any)) : any;
        });
    }

    private Expression Between(BoundBetween between)
    {
        var value = Lower(between.Value);
        var low = Lower(between.Low);
        var high = Lower(between.High);
        return Shared(value, v => Shared(low, high, (lo, hi) =>
        {
            var inside = E.AndAlso(
                Compare(BinaryOperator.GreaterOrEqual, between.Domain, v, lo),
                Compare(BinaryOperator.LessOrEqual, between.Domain, v, hi));
            if (!between.Negated)
            {
                return inside;
            }

            var known = E.AndAlso(E.AndAlso(Known(between.Value.Type!.Value, v), Known(between.Low.Type!.Value, lo)), Known(between.High.Type!.Value, hi));
            return E.AndAlso(known, E.Not(inside));
        }));
    }

    /// <summary>One comparison under the missing-value rule: false whenever an operand is missing.</summary>
    private static Expression Compare(BinaryOperator op, ValueDomain domain, Expression a, Expression b)
    {
        switch (domain)
        {
            case ValueDomain.Numeric when op == BinaryOperator.NotEqual:
                // `a != b` is true for NaN in IEEE; `a < b || a > b` is the same test without that.
                return E.OrElse(E.LessThan(a, b), E.GreaterThan(a, b));
            case ValueDomain.Numeric or ValueDomain.Clock:
                return Raw(op, a, b);
            case ValueDomain.Day:
                return E.AndAlso(E.AndAlso(KnownDay(a), KnownDay(b)), Raw(op, a, b));
            case ValueDomain.Text:
                var equal = Caseless(a) || Caseless(b)
                    ? E.Call(OrdinalEquals, a, b)
                    : E.Call(TextEquals, a, b, E.Constant(StringComparison.OrdinalIgnoreCase));
                var known = E.AndAlso(KnownText(a), KnownText(b));
                return E.AndAlso(known, op == BinaryOperator.NotEqual ? E.Not(equal) : equal);
            default:
                return op == BinaryOperator.NotEqual ? E.NotEqual(a, b) : E.Equal(a, b);
        }
    }

    /// <summary>
    /// Literal text without upper or lower case (金卡; not VIP) equals another text ignoring case exactly
    /// when it equals it ordinally, so the cheaper ordinal test is used: Chinese values are common, and
    /// ignoring case on non-ASCII text is slow.
    /// </summary>
    private static bool Caseless(Expression text)
        => text is ConstantExpression { Value: string s } && s.All(c => char.ToUpperInvariant(c) == c && char.ToLowerInvariant(c) == c);

    private static Expression Raw(BinaryOperator op, Expression a, Expression b) => op switch
    {
        BinaryOperator.Equal => E.Equal(a, b),
        BinaryOperator.NotEqual => E.NotEqual(a, b),
        BinaryOperator.Less => E.LessThan(a, b),
        BinaryOperator.LessOrEqual => E.LessThanOrEqual(a, b),
        BinaryOperator.Greater => E.GreaterThan(a, b),
        _ => E.GreaterThanOrEqual(a, b),
    };

    private static Expression Known(DslType type, Expression value) => type switch
    {
        DslType.Number or DslType.Money or DslType.Duration => value is ConstantExpression { Value: double d }
            ? E.Constant(!double.IsNaN(d))
            : Shared(value, v => E.Equal(v, v)), // NaN is the only double not equal to itself
        DslType.Text => KnownText(value),
        DslType.Date => KnownDay(value),
        _ => E.Constant(true), // booleans, times and tag sets always have a value
    };

    private static Expression KnownDay(Expression day)
        => day is ConstantExpression { Value: int d } ? E.Constant(d != int.MinValue) : E.NotEqual(day, MissingDay);

    private static Expression KnownText(Expression text)
        => text is ConstantExpression { Value: not null } ? E.Constant(true) : E.NotEqual(text, E.Constant(null, typeof(string)));

    /// <summary>Evaluates an operand once when the test needs it twice (a missing check, then the comparison).</summary>
    private static Expression Shared(Expression value, Func<Expression, Expression> body)
    {
        if (value is ConstantExpression or ParameterExpression)
        {
            return body(value);
        }

        var temp = E.Variable(value.Type);
        return E.Block([temp], E.Assign(temp, value), body(temp));
    }

    private static Expression Shared(Expression left, Expression right, Func<Expression, Expression, Expression> body)
        => Shared(left, l => Shared(right, r => body(l, r)));
}
