using System.Collections.Immutable;

namespace CampaignEngine.Dsl.Syntax;

/// <summary>An expression as the marketer wrote it: immutable, positioned, free of ANTLR types.</summary>
internal abstract record ExpressionSyntax(TextSpan Span);

internal enum LiteralKind { Number, Money, Percent, Duration, Date, Time, Text, Bool }

/// <summary>A literal, already converted: double (number, money in yuan, percent as a fraction, duration in
/// days), int (date as a day number, time as minutes since midnight), string or bool.</summary>
internal sealed record LiteralSyntax(LiteralKind Kind, object Value, TextSpan Span) : ExpressionSyntax(Span);

internal sealed record NameSyntax(string Name, TextSpan Span) : ExpressionSyntax(Span);

internal sealed record CallSyntax(string Name, TextSpan NameSpan, ImmutableArray<ExpressionSyntax> Arguments, TextSpan Span)
    : ExpressionSyntax(Span);

internal enum UnaryOperator { Negate, Not }

internal sealed record UnarySyntax(UnaryOperator Operator, ExpressionSyntax Operand, TextSpan Span) : ExpressionSyntax(Span);

internal enum BinaryOperator { Add, Subtract, Multiply, Divide, Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual, And, Or }

internal sealed record BinarySyntax(BinaryOperator Operator, string OperatorText, ExpressionSyntax Left, ExpressionSyntax Right, TextSpan Span)
    : ExpressionSyntax(Span);

internal sealed record InSyntax(ExpressionSyntax Value, ImmutableArray<ExpressionSyntax> Items, bool Negated, TextSpan Span)
    : ExpressionSyntax(Span);

internal sealed record BetweenSyntax(ExpressionSyntax Value, ExpressionSyntax Low, ExpressionSyntax High, bool Negated, TextSpan Span)
    : ExpressionSyntax(Span);

/// <summary>Where the parser recovered from a syntax error (already reported): binds to an error, silently.</summary>
internal sealed record MissingSyntax(TextSpan Span) : ExpressionSyntax(Span);
