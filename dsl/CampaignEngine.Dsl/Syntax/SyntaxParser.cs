using System.Collections.Immutable;
using Antlr4.Runtime;
using CampaignEngine.Dsl.Diagnostics;
using CampaignEngine.Dsl.Generated;

namespace CampaignEngine.Dsl.Syntax;

/// <summary>
/// The Syntax phase's entry: text in, our syntax tree out, every lexical and syntax error reported.
/// A rules file is cut into one token run per <c>rule</c>/<c>规则</c> keyword and each run is parsed on
/// its own, so an error in one rule cannot swallow the rules after it.
/// </summary>
internal static class SyntaxParser
{
    public static ImmutableArray<RuleSyntax> ParseRules(string text, DiagnosticBag diagnostics)
    {
        var (tokens, unterminated) = Tokens(text, diagnostics);
        var firstRule = tokens.FindIndex(t => t.Type == CampaignLexer.RULE);
        var outside = firstRule < 0 ? tokens : tokens.Take(firstRule).ToList();
        if (outside.Count > 0)
        {
            var first = outside[0];
            diagnostics.Report(DiagnosticCatalogue.TextBeforeFirstRule, first.Line, first.Column + 1, first.StopIndex - first.StartIndex + 1, first.Text);
        }

        var rules = ImmutableArray.CreateBuilder<RuleSyntax>();
        for (var start = firstRule; start >= 0;)
        {
            var next = tokens.FindIndex(start + 1, t => t.Type == CampaignLexer.RULE);
            var run = tokens.GetRange(start, (next < 0 ? tokens.Count : next) - start);
            var (parser, strategy) = Parser(run, diagnostics, unterminated);
            var context = parser.singleRule().ruleDecl();
            rules.Add(new SyntaxTreeBuilder(diagnostics).Rule(context, strategy.ErrorCount > 0));
            start = next;
        }

        return rules.ToImmutable();
    }

    /// <summary>A standalone expression; null (with a diagnostic) when the text holds none.</summary>
    public static ExpressionSyntax? ParseExpression(string text, DiagnosticBag diagnostics, Localized whatIsExpected)
    {
        var (tokens, unterminated) = Tokens(text, diagnostics);
        if (tokens.Count == 0)
        {
            ReportEmpty(text, diagnostics, whatIsExpected);
            return null;
        }

        var (parser, _) = Parser(tokens, diagnostics, unterminated);
        var context = parser.standaloneExpr();
        return new SyntaxTreeBuilder(diagnostics).Expression(context.expr(), context);
    }

    public static ImmutableArray<ActionSyntax> ParseActions(string text, DiagnosticBag diagnostics, Localized whatIsExpected)
    {
        var (tokens, unterminated) = Tokens(text, diagnostics);
        if (tokens.Count == 0)
        {
            ReportEmpty(text, diagnostics, whatIsExpected);
            return [];
        }

        var (parser, _) = Parser(tokens, diagnostics, unterminated);
        return new SyntaxTreeBuilder(diagnostics).Actions(parser.standaloneActions().actionList());
    }

    private static void ReportEmpty(string text, DiagnosticBag diagnostics, Localized whatIsExpected)
        => diagnostics.Report(DiagnosticCatalogue.EmptyInput, 1, 1, Math.Max(1, text.IndexOf('\n') < 0 ? text.Length : text.IndexOf('\n')), whatIsExpected);

    private static (CampaignParser Parser, MarketerErrorStrategy Strategy) Parser(
        List<IToken> tokens, DiagnosticBag diagnostics, IReadOnlyDictionary<int, int> unterminatedTextAt)
    {
        var parser = new CampaignParser(new CommonTokenStream(new ListTokenSource(tokens)));
        var strategy = new MarketerErrorStrategy(diagnostics, unterminatedTextAt);
        parser.RemoveErrorListeners();
        parser.ErrorHandler = strategy;
        return (parser, strategy);
    }

    /// <summary>The tokens the parser sees: no whitespace or comments; stray characters reported and
    /// dropped; a string missing its closing quote reported and closed, so parsing can go on.</summary>
    private static (List<IToken> Tokens, Dictionary<int, int> UnterminatedTextAt) Tokens(string text, DiagnosticBag diagnostics)
    {
        var unterminated = new Dictionary<int, int>();
        var lexer = new CampaignLexer(CharStreams.fromString(text));
        lexer.RemoveErrorListeners();
        var tokens = new List<IToken>();
        IToken? strayStart = null;
        IToken? strayEnd = null;
        foreach (var token in lexer.GetAllTokens())
        {
            if (token.Type == CampaignLexer.UNEXPECTED_CHAR && strayEnd is not null && strayEnd.Line == token.Line && strayEnd.StopIndex + 1 == token.StartIndex)
            {
                strayEnd = token;
                continue;
            }

            ReportStray(strayStart, strayEnd, diagnostics);
            strayStart = strayEnd = null;
            switch (token.Type)
            {
                case CampaignLexer.UNEXPECTED_CHAR:
                    strayStart = strayEnd = token;
                    break;
                case CampaignLexer.UNTERMINATED_STRING:
                    unterminated[token.Line] = token.Column;
                    diagnostics.Report(DiagnosticCatalogue.UnterminatedText, token.Line, token.Column + 1, token.StopIndex - token.StartIndex + 1, token.Text);
                    tokens.Add(new CommonToken(token) { Type = CampaignLexer.STRING, Text = token.Text + Closing(token.Text[0]) });
                    break;
                default:
                    if (token.Channel == TokenConstants.DefaultChannel)
                    {
                        tokens.Add(token);
                    }

                    break;
            }
        }

        ReportStray(strayStart, strayEnd, diagnostics);
        return (tokens, unterminated);
    }

    private static void ReportStray(IToken? start, IToken? end, DiagnosticBag diagnostics)
    {
        if (start is null || end is null)
        {
            return;
        }

        var length = end.StopIndex - start.StartIndex + 1;
        var shown = start == end ? start.Text : start.InputStream.GetText(new Antlr4.Runtime.Misc.Interval(start.StartIndex, end.StopIndex));
        diagnostics.Report(DiagnosticCatalogue.UnexpectedCharacter, start.Line, start.Column + 1, length, shown);
    }

    private static char Closing(char opening) => opening switch
    {
        '“' => '”',
        '「' => '」',
        _ => opening,
    };
}
