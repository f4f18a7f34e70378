using System.Collections.Immutable;
using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Dsl.Diagnostics;
using CampaignEngine.Dsl.Syntax;
using C = CampaignEngine.Dsl.Diagnostics.DiagnosticCatalogue;

namespace CampaignEngine.Dsl.Binding;

/// <summary>
/// The Binding phase for rules and actions: every rule is checked, even after a syntax error in another,
/// so one pass reports everything. <paramref name="fileLine"/> turns a line of the text into a line of the
/// marketer's file, for messages that mention another line.
/// </summary>
internal sealed class RuleBinder<TContext>(Binder<TContext> binder, DiagnosticBag diagnostics, Func<int, int> fileLine)
{
    /// <summary>A rule without <c>priority</c> comes after every rule that has one (lower is tried first).</summary>
    public const int DefaultPriority = 1000;

    private static readonly string[] LevelNames = ["level", "等级", "会员等级"];

    public IReadOnlyList<BoundRule> BindRules(ImmutableArray<RuleSyntax> rules)
    {
        var bound = new List<BoundRule>();
        var seen = new Dictionary<string, RuleSyntax>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            var when = binder.BindCondition(rule.When);
            var actions = BindActions(rule.Actions);
            var priority = Priority(rule.Priority);
            if (rule.Name is not { } name)
            {
                continue;
            }

            if (seen.TryGetValue(name.Text, out var first))
            {
                Report(C.DuplicateRule, name.Span, name.Text, fileLine(first.KeywordSpan.Line));
                continue;
            }

            seen.Add(name.Text, rule);
            if (!when.HasError && !rule.HasSyntaxErrors)
            {
                bound.Add(new BoundRule(name.Text, priority, when, actions, rule.KeywordSpan));
            }
        }

        return bound;
    }

    public IReadOnlyList<RuleAction> BindActions(ImmutableArray<ActionSyntax> actions)
    {
        var bound = new List<RuleAction>();
        foreach (var action in actions)
        {
            var span = action.Span;
            switch (action)
            {
                case SendSyntax send when Send(send) is { } sendAction:
                    bound.Add(sendAction);
                    break;
                case TagSyntax { Tag: { } tag } tagAction when NotEmpty(tag, new Localized("tag", "标签")):
                    bound.Add(tagAction.Remove ? new UntagAction(tag.Text, span.Line, span.Column) : new TagAction(tag.Text, span.Line, span.Column));
                    break;
                case SetSyntax set when SetLevel(set) is { } level:
                    bound.Add(new SetLevelAction(level, span.Line, span.Column));
                    break;
            }
        }

        return bound;
    }

    private SendAction? Send(SendSyntax send)
    {
        if (send.Template is not { } template)
        {
            Report(C.SendWithoutTemplate, send.Span, send.Keyword);
            return null;
        }

        var ok = NotEmpty(template, new Localized("template name", "模板名称"));
        var channels = new List<string>();
        foreach (var written in send.Channels)
        {
            var channel = ChannelNames.Canonical(written.Text);
            if (channels.Contains(channel))
            {
                Report(C.DuplicateChannel, written.Span, written.Text);
            }
            else if (NotEmpty(written, new Localized("channel name", "渠道名称")))
            {
                channels.Add(channel);
            }
        }

        var with = new List<TemplateValue>();
        foreach (var pair in send.With)
        {
            if (with.Exists(w => string.Equals(w.Key, pair.Key.Text, StringComparison.OrdinalIgnoreCase)))
            {
                Report(C.DuplicateWithKey, pair.Key.Span, pair.Key.Text);
                ok = false;
                continue;
            }

            var value = binder.Bind(pair.Value);
            if (value is BoundLiteral literal)
            {
                with.Add(new TemplateValue(pair.Key.Text, TemplateValueOf(literal), literal.LiteralType));
            }
            else if (!value.HasError)
            {
                Report(C.WithValueNotLiteral, pair.Value.Span, pair.Key.Text);
                ok = false;
            }
            else
            {
                ok = false;
            }
        }

        var span = send.Span;
        return ok ? new SendAction(template.Text, channels, with, span.Line, span.Column) : null;
    }

    /// <summary>Template values go to Liquid templates, so dates and times become <see cref="DateOnly"/> and <see cref="TimeOnly"/>.</summary>
    private static object TemplateValueOf(BoundLiteral literal) => literal.LiteralType switch
    {
        DslType.Date => DateOnly.FromDayNumber((int)literal.Value),
        DslType.Time => new TimeOnly((int)literal.Value / 60, (int)literal.Value % 60),
        _ => literal.Value,
    };

    private string? SetLevel(SetSyntax set)
    {
        if (set.Target is not { } target)
        {
            return null;
        }

        if (!LevelNames.Contains(target.Text, StringComparer.OrdinalIgnoreCase))
        {
            Report(C.UnknownSetting, target.Span, target.Text);
            return null;
        }

        // A bare word is the level itself (设置 等级 为 VIP): levels are names, not facts.
        if (set.Value is NameSyntax word)
        {
            return word.Name;
        }

        var value = binder.Bind(set.Value);
        if (value is BoundLiteral { LiteralType: DslType.Text, Value: string level })
        {
            return level.Length > 0 ? level : ReportEmptyLevel(set.Value.Span);
        }

        if (value.Type is { } type)
        {
            Report(C.LevelNotText, set.Value.Span, TypeNames.Of(type));
        }

        return null;
    }

    private string? ReportEmptyLevel(TextSpan span)
    {
        Report(C.EmptyName, span, new Localized("level", "会员等级"));
        return null;
    }

    private int Priority(LiteralSyntax? priority)
    {
        if (priority is null)
        {
            return DefaultPriority;
        }

        var value = (double)priority.Value;
        if (value != Math.Floor(value) || Math.Abs(value) > int.MaxValue)
        {
            Report(C.InvalidPriority, priority.Span, value);
            return DefaultPriority;
        }

        return (int)value;
    }

    private bool NotEmpty(WordSyntax word, Localized what)
    {
        if (word.Text.Trim().Length > 0)
        {
            return true;
        }

        Report(C.EmptyName, word.Span, what);
        return false;
    }

    private void Report(DiagnosticDescriptor descriptor, TextSpan span, params object[] arguments)
        => diagnostics.Report(descriptor, span.Line, span.Column, span.Length, arguments);
}
