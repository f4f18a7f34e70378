using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using CampaignEngine.Dsl.Diagnostics;
using CampaignEngine.Dsl.Generated;

namespace CampaignEngine.Dsl.Syntax;

/// <summary>
/// ANTLR's recovery (single-token insertion and deletion, resynchronising on follow sets) so one pass finds
/// every syntax error, but reported as catalogue diagnostics in marketer words instead of ANTLR's
/// "mismatched input … expecting {…}".
/// </summary>
internal sealed class MarketerErrorStrategy(DiagnosticBag diagnostics, IReadOnlyDictionary<int, int> unterminatedTextAt) : DefaultErrorStrategy
{
    public int ErrorCount { get; private set; }

    protected override void ReportNoViableAlternative(Parser recognizer, NoViableAltException e)
        => Unexpected(e.OffendingToken, e.GetExpectedTokens());

    protected override void ReportInputMismatch(Parser recognizer, InputMismatchException e)
        => Unexpected(e.OffendingToken, e.GetExpectedTokens());

    protected override void ReportFailedPredicate(Parser recognizer, FailedPredicateException e)
        => Unexpected(e.OffendingToken, e.GetExpectedTokens());

    protected override void ReportUnwantedToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer))
        {
            return;
        }

        BeginErrorCondition(recognizer);
        Unexpected(recognizer.CurrentToken, GetExpectedTokens(recognizer));
    }

    protected override void ReportMissingToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer))
        {
            return;
        }

        BeginErrorCondition(recognizer);
        var token = recognizer.CurrentToken;
        var expected = TokenDescriptions.Expected(GetExpectedTokens(recognizer).ToIntegerList());
        Report(token, token.Type == TokenConstants.EOF ? DiagnosticCatalogue.IncompleteInput : DiagnosticCatalogue.MissingInput, expected);
    }

    private void Unexpected(IToken token, IntervalSet? expected)
    {
        if (token.Type == CampaignParser.IDENT && ChineseKeywords.Leading(token.Text) is { } keyword)
        {
            ErrorCount++;
            diagnostics.Report(DiagnosticCatalogue.KeywordGlued, token.Line, token.Column + 1, token.StopIndex - token.StartIndex + 1,
                token.Text, keyword, token.Text[keyword.Length..]);
            return;
        }

        var what = TokenDescriptions.Expected(expected?.ToIntegerList() ?? []);
        Report(token, token.Type == TokenConstants.EOF ? DiagnosticCatalogue.IncompleteInput : DiagnosticCatalogue.UnexpectedInput, what);
    }

    private void Report(IToken token, DiagnosticDescriptor descriptor, Localized expected)
    {
        ErrorCount++;
        // A string missing its closing quote ran to the end of its line; what the parser misses after it
        // follows from that one mistake, already reported.
        if (unterminatedTextAt.TryGetValue(token.Line, out var column) && token.Column >= column)
        {
            return;
        }

        var length = token.Type == TokenConstants.EOF ? 1 : token.StopIndex - token.StartIndex + 1;
        diagnostics.Report(descriptor, token.Line, token.Column + 1, length, TokenDescriptions.Shown(token), expected);
    }
}
