using System.Linq.Expressions;

namespace CampaignEngine.Dsl.Binding;

/// <summary>
/// Builds the expression for one call of a host function, given the context and row expressions and
/// the bound arguments (a <see cref="ConstantExpression"/> where the marketer wrote a literal, so the
/// host can resolve e.g. a tag name to a bit index once, at compile time).
/// </summary>
public delegate Expression FunctionBuilder(Expression context, Expression row, IReadOnlyList<Expression> arguments);

/// <summary>One parameter of a host function.</summary>
public sealed record FunctionParameter(string Name, DslType Type);

/// <summary>
/// A function the host offers to rules (<c>tagged("vip")</c>, <c>bought("外套")</c>, <c>contacts_in(30d)</c>,
/// <c>is_holiday("中秋")</c> …). <paramref name="CheckConstantArguments"/> lets the host reject a literal
/// argument at compile time (an unknown festival name) with a message for the marketer; it returns null when fine.
/// </summary>
public sealed record FunctionDefinition<TContext>(
    string Name,
    DslType ReturnType,
    string Description,
    IReadOnlyList<FunctionParameter> Parameters,
    IReadOnlyList<string> Aliases,
    FunctionBuilder Build,
    Func<IReadOnlyList<object?>, string?>? CheckConstantArguments = null)
{
    /// <summary>
    /// The host's promise that a call's answer depends only on the context, the row and the arguments, and that
    /// asking has no effect: no counter, no random draw, no clock read — asked twice for the same row while the
    /// host leaves the context alone (during one <c>Filter</c> call), it answers the same. A pure call whose expression does not read the row (<c>is_holiday("春节")</c> reads
    /// only the context's date) is the same for every customer of a context, so the compiler evaluates it once
    /// per block of customers instead of once per customer, and a filter whose <c>and</c> has such a part that
    /// is false returns at once. False by default: the call is then made for every customer, as written.
    /// </summary>
    public bool Pure { get; init; }
}
