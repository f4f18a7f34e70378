using System.Linq.Expressions;
using CampaignEngine.Dsl.Binding;

namespace CampaignEngine.Dsl.Compilation;

/// <summary>
/// A standalone typed expression (a derived fact). <see cref="Read"/> is <c>(TContext, int row) =&gt; value</c> in the
/// CLR representation of <see cref="Type"/>, ready to become a <see cref="FieldDefinition{TContext}"/> so rules
/// can use the derived fact like a built-in one.
/// </summary>
public sealed record CompiledValue<TContext>(DslType Type, LambdaExpression Read, string Text)
{
    /// <summary>The checked expression, kept for <see cref="AsField"/>.</summary>
    internal BoundExpression? Definition { get; init; }

    /// <summary>
    /// The value as a fact rules can name. Better than building the <see cref="FieldDefinition{TContext}"/> from
    /// <see cref="Read"/>: rules then evaluate the fact's own comparisons a block at a time (<c>repeat_customer</c>
    /// defined as <c>frequency &gt;= 2</c> is a SIMD comparison, not a loop over rows).
    /// </summary>
    public FieldDefinition<TContext> AsField(string name, string description, IReadOnlyList<string> aliases)
        => new(name, Type, description, aliases, Read) { Definition = Definition };
}
