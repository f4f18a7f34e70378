using System.Collections.Immutable;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using CampaignEngine.Dsl.Diagnostics;
using static CampaignEngine.Dsl.Generated.CampaignParser;

namespace CampaignEngine.Dsl.Syntax;

/// <summary>
/// Turns ANTLR's parse tree into our immutable syntax tree. After a syntax error ANTLR leaves holes
/// (null children, conjured tokens); each becomes a <see cref="MissingSyntax"/> so the binder can still
/// check the rest of the rule without repeating the error.
/// </summary>
internal sealed class SyntaxTreeBuilder(DiagnosticBag diagnostics)
{
    public RuleSyntax Rule(RuleDeclContext context, bool hasSyntaxErrors)
    {
        var keyword = Span(context.Start);
        var name = Ident(context.name) is { } n ? new WordSyntax(n.Text, false, n.Span) : null;
        LiteralSyntax? priority = null;
        if (context.priority is { } p && Real(p.NUMBER()?.Symbol) is { } number)
        {
            var value = LiteralReader.Read(NUMBER, number.Text, Span(number), diagnostics);
            priority = p.MINUS() is null ? value : value with { Value = -(double)value.Value, Span = Span(p) };
        }

        return new RuleSyntax(
            name,
            priority,
            Expression(context.condition, context),
            Actions(context.actions),
            keyword,
            hasSyntaxErrors);
    }

    public ImmutableArray<ActionSyntax> Actions(ActionListContext? context)
        => context is null ? [] : [.. context.action().Select(Action).OfType<ActionSyntax>()];

    public ExpressionSyntax Expression(ExprContext? context, ParserRuleContext parent)
        => context switch
        {
            AndExprContext and => Binary(BinaryOperator.And, and.op, Expression(and.left, and), Expression(and.right, and), and),
            OrExprContext or => Binary(BinaryOperator.Or, or.op, Expression(or.left, or), Expression(or.right, or), or),
            PredicateExprContext predicate => Predicate(predicate.predicate(), predicate),
            null => Missing(parent),
            _ => Missing(context),
        };

    private ActionSyntax? Action(ActionContext context)
    {
        var keyword = context.Start.Text;
        switch (context)
        {
            case SendActionContext send:
                return new SendSyntax(
                    keyword,
                    Word(send.template),
                    [.. send._channel.Select(Word).OfType<WordSyntax>()],
                    [.. send.pair().Select(TemplateValue).OfType<TemplateValueSyntax>()],
                    Span(send));
            case TagActionContext tag:
                return new TagSyntax(keyword, Word(tag.tag), false, Span(tag));
            case UntagActionContext untag:
                return new TagSyntax(keyword, Word(untag.tag), true, Span(untag));
            case SetActionContext set:
                var target = Ident(set.target) is { } t ? new WordSyntax(t.Text, false, t.Span) : null;
                return new SetSyntax(keyword, target, Sum(set.value, set), Span(set));
            default:
                return null;
        }
    }

    private TemplateValueSyntax? TemplateValue(PairContext pair)
        => Ident(pair.key) is { } key ? new TemplateValueSyntax(new WordSyntax(key.Text, false, key.Span), Sum(pair.value, pair)) : null;

    private ExpressionSyntax Predicate(PredicateContext? context, ParserRuleContext parent)
    {
        switch (context)
        {
            case NotPredicateContext not:
                return new UnarySyntax(UnaryOperator.Not, Predicate(not.predicate(), not), Span(not));
            case ComparisonContext comparison:
                var op = comparison.op?.Start;
                var kind = op?.Type switch
                {
                    EQ or EQEQ => BinaryOperator.Equal,
                    NEQ => BinaryOperator.NotEqual,
                    LT => BinaryOperator.Less,
                    LE => BinaryOperator.LessOrEqual,
                    GT => BinaryOperator.Greater,
                    _ => BinaryOperator.GreaterOrEqual,
                };
                return new BinarySyntax(kind, op?.Text ?? "", Sum(comparison.value, comparison), Sum(comparison.right, comparison), Span(comparison));
            case InListContext inList:
                var items = inList.valueList() is { } list ? list._items.Select(i => Sum(i, list)).ToImmutableArray() : [];
                return new InSyntax(Sum(inList.value, inList), items, inList.NOT() is not null || inList.NOT_IN() is not null, Span(inList));
            case BetweenContext between:
                return new BetweenSyntax(
                    Sum(between.value, between), Sum(between.low, between), Sum(between.high, between), between.NOT() is not null, Span(between));
            case PlainValueContext plain:
                return Sum(plain.sum(), plain);
            case null:
                return Missing(parent);
            default:
                return Missing(context);
        }
    }

    private ExpressionSyntax Sum(SumContext? context, ParserRuleContext parent)
        => context switch
        {
            AdditiveContext add => Binary(
                add.op?.Type == MINUS ? BinaryOperator.Subtract : BinaryOperator.Add, add.op, Sum(add.sum(), add), Product(add.product(), add), add),
            ToProductContext product => Product(product.product(), product),
            null => Missing(parent),
            _ => Missing(context),
        };

    private ExpressionSyntax Product(ProductContext? context, ParserRuleContext parent)
        => context switch
        {
            MultiplicativeContext mul => Binary(
                mul.op?.Type == SLASH ? BinaryOperator.Divide : BinaryOperator.Multiply, mul.op, Product(mul.product(), mul), Unary(mul.unary(), mul), mul),
            ToUnaryContext unary => Unary(unary.unary(), unary),
            null => Missing(parent),
            _ => Missing(context),
        };

    private ExpressionSyntax Unary(UnaryContext? context, ParserRuleContext parent)
        => context switch
        {
            NegateContext negate => new UnarySyntax(UnaryOperator.Negate, Unary(negate.unary(), negate), Span(negate)),
            ToPrimaryContext primary => Primary(primary.primary(), primary),
            null => Missing(parent),
            _ => Missing(context),
        };

    private ExpressionSyntax Primary(PrimaryContext? context, ParserRuleContext parent)
    {
        switch (context)
        {
            case ParenthesizedContext paren:
                return Expression(paren.expr(), paren);
            case CallContext call when Ident(call.ident()) is { } name:
                return new CallSyntax(name.Text, name.Span, [.. call._args.Select(a => Expression(a, call))], Span(call));
            case FieldRefContext field when Ident(field.ident()) is { } name:
                return new NameSyntax(name.Text, name.Span);
            case LiteralValueContext literal when Real(literal.literal()?.Start) is { } token:
                return LiteralReader.Read(token.Type, token.Text, Span(token), diagnostics);
            case null:
                return Missing(parent);
            default:
                return Missing(context);
        }
    }

    private ExpressionSyntax Binary(BinaryOperator op, IToken? opToken, ExpressionSyntax left, ExpressionSyntax right, ParserRuleContext context)
        => new BinarySyntax(op, opToken?.Text ?? "", left, right, Span(context));

    private WordSyntax? Word(WordContext? context)
    {
        if (context is null)
        {
            return null;
        }

        if (Real(context.STRING()?.Symbol) is { } text)
        {
            return new WordSyntax(LiteralReader.Unquote(text.Text), true, Span(text));
        }

        return Ident(context.ident()) is { } ident ? new WordSyntax(ident.Text, false, ident.Span) : null;
    }

    private static (string Text, TextSpan Span)? Ident(IdentContext? context)
        => Real(context?.IDENT()?.Symbol) is { } token ? (token.Text, Span(token)) : null;

    /// <summary>A token the input really holds, not one ANTLR conjured while recovering.</summary>
    private static IToken? Real(IToken? token)
        => token is { TokenIndex: >= 0, Type: > 0 } && token.StopIndex >= token.StartIndex ? token : null;

    private static MissingSyntax Missing(ParserRuleContext context) => new(Span(context));

    public static TextSpan Span(IToken token)
        => new(token.StartIndex, Math.Max(1, token.StopIndex - token.StartIndex + 1), token.Line, token.Column + 1);

    public static TextSpan Span(ParserRuleContext context)
    {
        var start = Span(context.Start);
        return context.Stop is { } stop && stop.StopIndex >= context.Start.StartIndex && stop.Type != TokenConstants.EOF
            ? TextSpan.Covering(start, Span(stop))
            : start;
    }
}
