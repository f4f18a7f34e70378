using System.Collections.Immutable;
using System.Linq.Expressions;
using CampaignEngine.Dsl.Syntax;

namespace CampaignEngine.Dsl.Binding;

/// <summary>A checked expression: every name resolved, every type known. <see cref="Type"/> is null
/// where an error was already reported, so one mistake is reported once, not at every level above it.</summary>
internal abstract record BoundExpression(DslType? Type, TextSpan Span)
{
    public bool HasError => Type is null;
}

internal sealed record BoundError(TextSpan Span) : BoundExpression(null, Span);

/// <summary>A literal in its CLR representation (see <see cref="DslType"/>).</summary>
internal sealed record BoundLiteral(DslType LiteralType, object Value, TextSpan Span) : BoundExpression(LiteralType, Span);

/// <summary>A host fact; <paramref name="IdColumn"/> and <paramref name="IdOf"/> are its <see cref="TextIds{TContext}"/> when it has them,
/// <paramref name="Definition"/> the checked expression of a derived fact.</summary>
internal sealed record BoundField(string Name, LambdaExpression Read, DslType FieldType, TextSpan Span, LambdaExpression? IdColumn = null, Func<string, int>? IdOf = null, BoundExpression? Definition = null)
    : BoundExpression(FieldType, Span);

/// <summary>A host function's call; <paramref name="Pure"/> is the host's <see cref="FunctionDefinition{TContext}.Pure"/>.</summary>
internal sealed record BoundCall(string Name, FunctionBuilder Build, ImmutableArray<BoundExpression> Arguments, DslType ReturnType, TextSpan Span, bool Pure = false)
    : BoundExpression(ReturnType, Span);

/// <summary><c>known(x)</c>: whether x has a value.</summary>
internal sealed record BoundKnown(BoundExpression Operand, TextSpan Span) : BoundExpression(DslType.Bool, Span);

internal sealed record BoundNegate(BoundExpression Operand, TextSpan Span) : BoundExpression(Operand.Type, Span);

internal sealed record BoundNot(BoundExpression Operand, TextSpan Span) : BoundExpression(DslType.Bool, Span);

/// <summary>How two operands are combined: doubles, a date minus a date (days), or a date moved by days.</summary>
internal enum ArithmeticKind { Numeric, DateDifference, DateShift }

internal sealed record BoundArithmetic(ArithmeticKind Kind, BinaryOperator Operator, BoundExpression Left, BoundExpression Right, DslType ResultType, TextSpan Span)
    : BoundExpression(ResultType, Span);

/// <summary>How values are compared: doubles (NaN missing), day numbers (int.MinValue missing),
/// minutes of the day, text (null missing, case-insensitive), booleans.</summary>
internal enum ValueDomain { Numeric, Day, Clock, Text, Bool }

internal sealed record BoundComparison(BinaryOperator Operator, BoundExpression Left, BoundExpression Right, ValueDomain Domain, TextSpan Span)
    : BoundExpression(DslType.Bool, Span);

internal sealed record BoundLogical(BinaryOperator Operator, BoundExpression Left, BoundExpression Right, TextSpan Span)
    : BoundExpression(DslType.Bool, Span);

internal sealed record BoundIn(BoundExpression Value, ImmutableArray<BoundExpression> Items, ValueDomain Domain, bool Negated, TextSpan Span)
    : BoundExpression(DslType.Bool, Span);

internal sealed record BoundBetween(BoundExpression Value, BoundExpression Low, BoundExpression High, ValueDomain Domain, bool Negated, TextSpan Span)
    : BoundExpression(DslType.Bool, Span);
