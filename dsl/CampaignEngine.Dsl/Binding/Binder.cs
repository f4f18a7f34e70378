using System.Collections.Immutable;
using CampaignEngine.Dsl.Diagnostics;
using CampaignEngine.Dsl.Syntax;
using C = CampaignEngine.Dsl.Diagnostics.DiagnosticCatalogue;

namespace CampaignEngine.Dsl.Binding;

/// <summary>
/// The Binding phase for expressions: resolves names (English or Chinese alias) against the host's schema
/// and checks types before anything runs. Numbers, money and durations are all doubles and mix as a
/// marketer expects (a plain number next to money is money, next to a duration it counts days);
/// dates are day numbers: date − date is a duration, date ± duration is a date.
/// </summary>
internal sealed class Binder<TContext>(FactSchema<TContext> schema, DiagnosticBag diagnostics)
{
    private readonly NameTable<TContext> names = new(schema);

    public NameTable<TContext> Names => names;

    /// <summary>An audience or a rule's <c>when</c>: must be true/false.</summary>
    public BoundExpression BindCondition(ExpressionSyntax syntax)
    {
        var bound = Bind(syntax);
        if (bound.Type is { } type && type != DslType.Bool)
        {
            diagnostics.Report(C.ConditionNotBool, syntax.Span.Line, syntax.Span.Column, syntax.Span.Length, TypeNames.Of(type), ExampleName(syntax));
            return new BoundError(syntax.Span);
        }

        return bound;
    }

    public BoundExpression Bind(ExpressionSyntax syntax) => syntax switch
    {
        LiteralSyntax literal => BindLiteral(literal),
        NameSyntax name => BindName(name),
        CallSyntax call => BindCall(call),
        UnarySyntax { Operator: UnaryOperator.Not } not => BindNot(not),
        UnarySyntax negate => BindNegate(negate),
        BinarySyntax { Operator: BinaryOperator.And or BinaryOperator.Or } logical => BindLogical(logical),
        BinarySyntax { Operator: >= BinaryOperator.Equal } comparison => BindComparison(comparison),
        BinarySyntax arithmetic => BindArithmetic(arithmetic),
        InSyntax inList => BindIn(inList),
        BetweenSyntax between => BindBetween(between),
        _ => new BoundError(syntax.Span),
    };

    private static BoundLiteral BindLiteral(LiteralSyntax literal) => literal.Kind switch
    {
        LiteralKind.Money => new(DslType.Money, literal.Value, literal.Span),
        LiteralKind.Duration => new(DslType.Duration, literal.Value, literal.Span),
        LiteralKind.Date => new(DslType.Date, literal.Value, literal.Span),
        LiteralKind.Time => new(DslType.Time, literal.Value, literal.Span),
        LiteralKind.Text => new(DslType.Text, literal.Value, literal.Span),
        LiteralKind.Bool => new(DslType.Bool, literal.Value, literal.Span),
        _ => new(DslType.Number, literal.Value, literal.Span),
    };

    private BoundExpression BindName(NameSyntax name)
    {
        if (names.Field(name.Name) is { } field)
        {
            return new BoundField(field.Name, field.Read, field.Type, name.Span, field.Ids?.Column, field.Ids?.IdOf, field.Definition);
        }

        if (names.Function(name.Name) is { } function)
        {
            Report(C.FunctionUsedAsFact, name.Span, name.Name, Signature(function.Name, function.Parameters));
        }
        else if (NameTable<TContext>.IsKnown(name.Name))
        {
            Report(C.FunctionUsedAsFact, name.Span, name.Name, name.Name + "(cycle)");
        }
        else
        {
            Report(C.UnknownName, name.Span, name.Name, NameSuggestions.Hint(name.Name, names.FieldNames));
        }

        return new BoundError(name.Span);
    }

    private BoundExpression BindCall(CallSyntax call)
    {
        var arguments = call.Arguments.Select(Bind).ToImmutableArray();
        if (NameTable<TContext>.IsKnown(call.Name))
        {
            if (arguments.Length != 1)
            {
                Report(C.WrongArgumentCount, call.Span, call.Name, 1, arguments.Length, call.Name + "(cycle)");
                return new BoundError(call.Span);
            }

            return arguments[0].HasError ? new BoundError(call.Span) : new BoundKnown(arguments[0], call.Span);
        }

        var function = names.Function(call.Name);
        if (function is null)
        {
            if (names.Field(call.Name) is { } field)
            {
                Report(C.FactUsedAsFunction, call.NameSpan, call.Name);
            }
            else
            {
                Report(C.UnknownFunction, call.NameSpan, call.Name, NameSuggestions.Hint(call.Name, names.FunctionNames));
            }

            return new BoundError(call.Span);
        }

        var signature = Signature(call.Name, function.Parameters);
        if (arguments.Length != function.Parameters.Count)
        {
            Report(C.WrongArgumentCount, call.Span, call.Name, function.Parameters.Count, arguments.Length, signature);
            return new BoundError(call.Span);
        }

        var ok = true;
        for (var i = 0; i < arguments.Length; i++)
        {
            var expected = function.Parameters[i].Type;
            if (arguments[i].Type is { } actual && !Accepts(expected, actual))
            {
                Report(C.WrongArgumentType, arguments[i].Span, call.Name, i + 1, TypeNames.Of(expected), TypeNames.Of(actual), signature);
                ok = false;
            }

            ok &= !arguments[i].HasError;
        }

        if (!ok)
        {
            return new BoundError(call.Span);
        }

        if (function.CheckConstantArguments is { } check)
        {
            var constants = arguments.Select(a => a is BoundLiteral literal ? literal.Value : null).ToArray();
            if (check(constants) is { } problem)
            {
                Report(C.ArgumentRejected, call.Span, call.Name, problem);
                return new BoundError(call.Span);
            }
        }

        return new BoundCall(function.Name, function.Build, arguments, function.ReturnType, call.Span, function.Pure);
    }

    private BoundExpression BindNot(UnarySyntax not)
    {
        var operand = Bind(not.Operand);
        if (operand.Type is { } type && type != DslType.Bool)
        {
            Report(C.LogicNeedsBool, not.Operand.Span, "not", TypeNames.Of(type));
            return new BoundError(not.Span);
        }

        return operand.HasError ? new BoundError(not.Span) : new BoundNot(operand, not.Span);
    }

    private BoundExpression BindNegate(UnarySyntax negate)
    {
        var operand = Bind(negate.Operand);
        if (operand.Type is not { } type)
        {
            return new BoundError(negate.Span);
        }

        if (!IsNumeric(type))
        {
            Report(C.CannotNegate, negate.Span, TypeNames.Of(type));
            return new BoundError(negate.Span);
        }

        // Folded so that `with discount = -5` and `priority -1` stay literals.
        return operand is BoundLiteral literal
            ? literal with { Value = -(double)literal.Value, Span = negate.Span }
            : new BoundNegate(operand, negate.Span);
    }

    private BoundExpression BindLogical(BinarySyntax logical)
    {
        var left = Bind(logical.Left);
        var right = Bind(logical.Right);
        var ok = true;
        foreach (var (side, syntax) in new[] { (left, logical.Left), (right, logical.Right) })
        {
            if (side.Type is { } type && type != DslType.Bool)
            {
                Report(C.LogicNeedsBool, syntax.Span, logical.OperatorText, TypeNames.Of(type));
                ok = false;
            }

            ok &= !side.HasError;
        }

        return ok ? new BoundLogical(logical.Operator, left, right, logical.Span) : new BoundError(logical.Span);
    }

    private BoundExpression BindComparison(BinarySyntax comparison)
    {
        var left = Bind(comparison.Left);
        var right = Bind(comparison.Right);
        if (left.Type is not { } leftType || right.Type is not { } rightType)
        {
            return new BoundError(comparison.Span);
        }

        if (Domain(leftType, rightType) is not { } domain)
        {
            if (leftType == DslType.TagSet || rightType == DslType.TagSet)
            {
                Report(C.NotAValue, comparison.Span, TypeNames.Of(DslType.TagSet));
            }
            else
            {
                Report(C.CannotCompare, comparison.Span, TypeNames.Of(leftType), TypeNames.Of(rightType));
            }

            return new BoundError(comparison.Span);
        }

        var ordering = comparison.Operator is not (BinaryOperator.Equal or BinaryOperator.NotEqual);
        if (ordering && domain is ValueDomain.Text or ValueDomain.Bool)
        {
            Report(C.CannotOrder, comparison.Span, TypeNames.Of(leftType), comparison.OperatorText);
            return new BoundError(comparison.Span);
        }

        return new BoundComparison(comparison.Operator, left, right, domain, comparison.Span);
    }

    private BoundExpression BindArithmetic(BinarySyntax arithmetic)
    {
        var left = Bind(arithmetic.Left);
        var right = Bind(arithmetic.Right);
        if (left.Type is not { } l || right.Type is not { } r)
        {
            return new BoundError(arithmetic.Span);
        }

        var op = arithmetic.Operator;
        var result = ArithmeticResult(op, l, r);
        if (result is null)
        {
            Report(C.CannotCalculate, arithmetic.Span, TypeNames.Of(l), arithmetic.OperatorText, TypeNames.Of(r));
            return new BoundError(arithmetic.Span);
        }

        var (kind, type) = result.Value;
        // `3 + 2026-11-11` moves the date just like `2026-11-11 + 3`; lowering expects the date on the left.
        return kind == ArithmeticKind.DateShift && l != DslType.Date
            ? new BoundArithmetic(kind, op, right, left, type, arithmetic.Span)
            : new BoundArithmetic(kind, op, left, right, type, arithmetic.Span);
    }

    private BoundExpression BindIn(InSyntax inList)
    {
        var value = Bind(inList.Value);
        var items = inList.Items.Select(Bind).ToImmutableArray();
        if (value.Type is not { } type || items.Any(i => i.HasError))
        {
            return new BoundError(inList.Span);
        }

        var domain = Domain(type, type);
        if (domain is null)
        {
            Report(C.NotAValue, inList.Value.Span, TypeNames.Of(type));
            return new BoundError(inList.Span);
        }

        var ok = true;
        foreach (var item in items)
        {
            if (Domain(type, item.Type!.Value) != domain)
            {
                Report(C.ListItemMismatch, item.Span, TypeNames.Of(item.Type!.Value), TypeNames.Of(type));
                ok = false;
            }
        }

        return ok ? new BoundIn(value, items, domain.Value, inList.Negated, inList.Span) : new BoundError(inList.Span);
    }

    private BoundExpression BindBetween(BetweenSyntax between)
    {
        var value = Bind(between.Value);
        var low = Bind(between.Low);
        var high = Bind(between.High);
        if (value.Type is not { } type || low.Type is not { } lowType || high.Type is not { } highType)
        {
            return new BoundError(between.Span);
        }

        var ok = true;
        ValueDomain? domain = null;
        foreach (var (bound, boundType) in new[] { (low, lowType), (high, highType) })
        {
            domain = Domain(type, boundType);
            if (domain is null)
            {
                Report(C.CannotCompare, bound.Span, TypeNames.Of(type), TypeNames.Of(boundType));
                ok = false;
            }
            else if (domain is ValueDomain.Text or ValueDomain.Bool)
            {
                Report(C.CannotOrder, between.Span, TypeNames.Of(type), "between");
                return new BoundError(between.Span);
            }
        }

        return ok ? new BoundBetween(value, low, high, domain!.Value, between.Negated, between.Span) : new BoundError(between.Span);
    }

    private void Report(DiagnosticDescriptor descriptor, TextSpan span, params object[] arguments)
        => diagnostics.Report(descriptor, span.Line, span.Column, span.Length, arguments);

    private static bool IsNumeric(DslType type) => type is DslType.Number or DslType.Money or DslType.Duration;

    /// <summary>Money and durations do not mix: "¥500 > 30d" is a mistake, not a comparison.</summary>
    private static bool NumericMix(DslType a, DslType b)
        => IsNumeric(a) && IsNumeric(b) && !(a == DslType.Money && b == DslType.Duration) && !(a == DslType.Duration && b == DslType.Money);

    private static ValueDomain? Domain(DslType a, DslType b)
    {
        if (NumericMix(a, b))
        {
            return ValueDomain.Numeric;
        }

        if (a != b)
        {
            return null;
        }

        return a switch
        {
            DslType.Date => ValueDomain.Day,
            DslType.Time => ValueDomain.Clock,
            DslType.Text => ValueDomain.Text,
            DslType.Bool => ValueDomain.Bool,
            _ => null,
        };
    }

    private static bool Accepts(DslType parameter, DslType argument) => parameter == argument || NumericMix(parameter, argument);

    private static (ArithmeticKind Kind, DslType Type)? ArithmeticResult(BinaryOperator op, DslType l, DslType r)
    {
        if (l == DslType.Date || r == DslType.Date)
        {
            return (op, l, r) switch
            {
                (BinaryOperator.Subtract, DslType.Date, DslType.Date) => (ArithmeticKind.DateDifference, DslType.Duration),
                (BinaryOperator.Add or BinaryOperator.Subtract, DslType.Date, DslType.Number or DslType.Duration) => (ArithmeticKind.DateShift, DslType.Date),
                (BinaryOperator.Add, DslType.Number or DslType.Duration, DslType.Date) => (ArithmeticKind.DateShift, DslType.Date),
                _ => null,
            };
        }

        if (!NumericMix(l, r))
        {
            return null;
        }

        DslType? type = op switch
        {
            BinaryOperator.Add or BinaryOperator.Subtract => l == DslType.Number ? r : l,
            BinaryOperator.Multiply when l == DslType.Number => r,
            BinaryOperator.Multiply when r == DslType.Number => l,
            BinaryOperator.Divide when r == DslType.Number => l,
            BinaryOperator.Divide when l == r => DslType.Number,
            _ => null,
        };
        return type is null ? null : (ArithmeticKind.Numeric, type.Value);
    }

    private static string Signature(string name, IReadOnlyList<FunctionParameter> parameters)
        => $"{name}({string.Join(", ", parameters.Select(p => TypeNames.Example(p.Type)))})";

    private static string ExampleName(ExpressionSyntax syntax) => syntax switch
    {
        NameSyntax name => name.Name,
        CallSyntax call => call.Name + "(…)",
        _ => "frequency",
    };
}
