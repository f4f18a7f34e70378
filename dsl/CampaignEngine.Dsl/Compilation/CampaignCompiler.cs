using System.Linq.Expressions;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Diagnostics;
using CampaignEngine.Dsl.Syntax;

namespace CampaignEngine.Dsl.Compilation;

/// <summary>
/// The one entry into the DSL: text in, delegates or diagnostics out. Parse → bind (names, types,
/// aliases) → lower to System.Linq.Expressions → compile, once per campaign load. Errors in the text
/// are diagnostics, never exceptions; when there is an error the value is null.
/// </summary>
public static class CampaignCompiler
{
    /// <summary>Compiles a <c>.rules</c> file or a block of rules.</summary>
    public static CompileResult<CompiledRuleSet<TContext>> CompileRules<TContext>(
        string text, SourceOrigin origin, FactSchema<TContext> schema, CompileOptions? options = null)
    {
        var (diagnostics, placement) = Start(origin);
        var syntax = SyntaxParser.ParseRules(text, diagnostics);
        var binder = new Binder<TContext>(schema, diagnostics);
        var rules = new RuleBinder<TContext>(binder, diagnostics, placement.Line).BindRules(syntax);
        if (diagnostics.HasErrors)
        {
            return Finish<CompiledRuleSet<TContext>>(null, text, origin, options, diagnostics);
        }

        var compiled = rules
            .Select((rule, index) => (rule, index))
            .OrderBy(r => r.rule.Priority).ThenBy(r => r.index)
            .Select(r => Rule<TContext>(r.rule, text, origin, placement))
            .ToArray();
        return Finish(new CompiledRuleSet<TContext>(compiled), text, origin, options, diagnostics);
    }

    /// <summary>Compiles a boolean expression (an <c>audience:</c>, a rule's <c>when:</c> written in YAML).</summary>
    public static CompileResult<CompiledCondition<TContext>> CompileCondition<TContext>(
        string text, SourceOrigin origin, FactSchema<TContext> schema, CompileOptions? options = null)
    {
        var (diagnostics, placement) = Start(origin);
        var syntax = SyntaxParser.ParseExpression(text, diagnostics, new Localized("a condition, e.g. frequency >= 3", "条件,例如 购买次数 >= 3"));
        var bound = syntax is null ? null : new Binder<TContext>(schema, diagnostics).BindCondition(syntax);
        var value = bound is null || diagnostics.HasErrors ? null : ConditionCompiler.Compile<TContext>(bound, text.Trim(), text, placement);
        return Finish(value, text, origin, options, diagnostics);
    }

    /// <summary>Compiles a typed expression (a derived fact).</summary>
    public static CompileResult<CompiledValue<TContext>> CompileValue<TContext>(
        string text, SourceOrigin origin, FactSchema<TContext> schema, CompileOptions? options = null)
    {
        var (diagnostics, _) = Start(origin);
        var syntax = SyntaxParser.ParseExpression(text, diagnostics, new Localized("an expression, e.g. monetary / frequency", "表达式,例如 消费金额 / 购买次数"));
        var bound = syntax is null ? null : new Binder<TContext>(schema, diagnostics).Bind(syntax);
        CompiledValue<TContext>? value = null;
        if (bound is { Type: { } type } && !diagnostics.HasErrors)
        {
            var context = Expression.Parameter(typeof(TContext), "context");
            var row = Expression.Parameter(typeof(int), "row");
            var body = new ExpressionLowering(context, row).Lower(bound);
            var read = Expression.Lambda(typeof(Func<,,>).MakeGenericType(typeof(TContext), typeof(int), body.Type), body, context, row);
            value = new CompiledValue<TContext>(type, read, text.Trim()) { Definition = bound };
        }

        return Finish(value, text, origin, options, diagnostics);
    }

    /// <summary>Compiles the actions of a rule written in YAML (<c>then: send vip_coupon via sms</c>).</summary>
    public static CompileResult<IReadOnlyList<RuleAction>> CompileActions<TContext>(
        string text, SourceOrigin origin, FactSchema<TContext> schema, CompileOptions? options = null)
    {
        var (diagnostics, placement) = Start(origin);
        var syntax = SyntaxParser.ParseActions(text, diagnostics, new Localized("an action, e.g. send vip_coupon", "动作,例如 发送 vip_coupon"));
        var actions = new RuleBinder<TContext>(new Binder<TContext>(schema, diagnostics), diagnostics, placement.Line).BindActions(syntax);
        var value = diagnostics.HasErrors ? null : Place(actions, placement);
        return Finish(value, text, origin, options, diagnostics);
    }

    private static (DiagnosticBag Diagnostics, SourcePlacement Placement) Start(SourceOrigin origin) => (new DiagnosticBag(), new SourcePlacement(origin));

    private static CompiledRule<TContext> Rule<TContext>(BoundRule rule, string text, SourceOrigin origin, SourcePlacement placement)
    {
        var (line, column) = placement.Place(rule.KeywordSpan.Line, rule.KeywordSpan.Column);
        var when = ConditionCompiler.Compile<TContext>(rule.When, SourceText.Slice(text, rule.When.Span), text, placement);
        return new CompiledRule<TContext>(rule.Name, rule.Priority, when, Place(rule.Actions, placement), origin, line, column);
    }

    private static IReadOnlyList<RuleAction> Place(IReadOnlyList<RuleAction> actions, SourcePlacement placement)
        => actions.Select(action =>
        {
            var (line, column) = placement.Place(action.Line, action.Column);
            return action switch
            {
                SendAction send => send with { Line = line, Column = column },
                TagAction tag => tag with { Line = line, Column = column },
                UntagAction untag => untag with { Line = line, Column = column },
                SetLevelAction set => (RuleAction)(set with { Line = line, Column = column }),
                _ => action,
            };
        }).ToArray();

    private static CompileResult<T> Finish<T>(T? value, string text, SourceOrigin origin, CompileOptions? options, DiagnosticBag diagnostics)
        where T : class
    {
        var language = (options ?? CompileOptions.Default).Language;
        var chinese = language == MessageLanguage.Chinese || (language == MessageLanguage.Auto && MessageLanguageDetection.LooksChinese(text));
        var placed = diagnostics.ToDiagnostics(origin.File, origin.Line, origin.Column, origin.ContinuationColumn, chinese);
        return new CompileResult<T>(diagnostics.HasErrors ? null : value, placed);
    }
}
