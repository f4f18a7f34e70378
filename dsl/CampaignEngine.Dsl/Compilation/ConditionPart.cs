using CampaignEngine.Dsl.Binding;

namespace CampaignEngine.Dsl.Compilation;

/// <summary>
/// One part of a condition with its value for one customer, for <c>campaign explain</c>: the whole
/// condition first, then each joined condition, comparison, fact and function inside it (depth-first,
/// <paramref name="Depth"/> 0 at the top). <paramref name="Value"/> is null when missing; dates and
/// times come as <see cref="DateOnly"/> and <see cref="TimeOnly"/>.
/// </summary>
public sealed record ConditionPart(string Text, int Line, int Column, int Depth, DslType Type, object? Value);
