using System.Linq.Expressions;
using CampaignEngine.Dsl.Binding;

namespace CampaignEngine.Dsl.Compilation;

/// <summary>
/// A standalone typed expression (a derived fact). <see cref="Read"/> is <c>(TContext, int row) =&gt; value</c> in the
/// CLR representation of <see cref="Type"/>, ready to become a <see cref="FieldDefinition{TContext}"/> so rules
/// can use the derived fact like a built-in one.
/// </summary>
public sealed record CompiledValue<TContext>(DslType Type, LambdaExpression Read, string Text);
