using CampaignEngine.Dsl.Binding;

namespace CampaignEngine.Dsl.Compilation;

/// <summary>
/// The one entry into the DSL: text in, delegates or diagnostics out. Parse → bind (names, types,
/// aliases) → lower to System.Linq.Expressions → compile, once per campaign load.
/// </summary>
public static class CampaignCompiler
{
    /// <summary>Compiles a <c>.rules</c> file or a block of rules.</summary>
    public static CompileResult<CompiledRuleSet<TContext>> CompileRules<TContext>(
        string text, SourceOrigin origin, FactSchema<TContext> schema, CompileOptions? options = null)
        => throw new NotImplementedException();

    /// <summary>Compiles a boolean expression (an <c>audience:</c>, a rule's <c>when:</c> written in YAML).</summary>
    public static CompileResult<CompiledCondition<TContext>> CompileCondition<TContext>(
        string text, SourceOrigin origin, FactSchema<TContext> schema, CompileOptions? options = null)
        => throw new NotImplementedException();

    /// <summary>Compiles a typed expression (a derived fact).</summary>
    public static CompileResult<CompiledValue<TContext>> CompileValue<TContext>(
        string text, SourceOrigin origin, FactSchema<TContext> schema, CompileOptions? options = null)
        => throw new NotImplementedException();

    /// <summary>Compiles the actions of a rule written in YAML (<c>then: send vip_coupon via sms</c>).</summary>
    public static CompileResult<IReadOnlyList<RuleAction>> CompileActions<TContext>(
        string text, SourceOrigin origin, FactSchema<TContext> schema, CompileOptions? options = null)
        => throw new NotImplementedException();
}
