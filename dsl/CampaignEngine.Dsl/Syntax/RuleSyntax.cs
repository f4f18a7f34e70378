using System.Collections.Immutable;

namespace CampaignEngine.Dsl.Syntax;

/// <summary>A name or quoted text naming a template, channel, tag or setting.</summary>
internal sealed record WordSyntax(string Text, bool Quoted, TextSpan Span);

internal abstract record ActionSyntax(string Keyword, TextSpan Span);

internal sealed record SendSyntax(
    string Keyword,
    WordSyntax? Template,
    ImmutableArray<WordSyntax> Channels,
    ImmutableArray<TemplateValueSyntax> With,
    TextSpan Span) : ActionSyntax(Keyword, Span);

internal sealed record TemplateValueSyntax(WordSyntax Key, ExpressionSyntax Value);

internal sealed record TagSyntax(string Keyword, WordSyntax? Tag, bool Remove, TextSpan Span) : ActionSyntax(Keyword, Span);

internal sealed record SetSyntax(string Keyword, WordSyntax? Target, ExpressionSyntax Value, TextSpan Span) : ActionSyntax(Keyword, Span);

/// <summary><c>rule NAME [priority N] when EXPR then ACTION…</c>; <paramref name="Priority"/> as written (checked by the binder).</summary>
internal sealed record RuleSyntax(
    WordSyntax? Name,
    LiteralSyntax? Priority,
    ExpressionSyntax When,
    ImmutableArray<ActionSyntax> Actions,
    TextSpan KeywordSpan,
    bool HasSyntaxErrors);
