namespace CampaignEngine.Dsl.Syntax;

/// <summary>Where a piece of syntax sits in the compiled text: character offset and length, and its
/// 1-based line and column (characters, as an editor counts them).</summary>
internal readonly record struct TextSpan(int Start, int Length, int Line, int Column)
{
    /// <summary>The span from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    public static TextSpan Covering(TextSpan first, TextSpan last)
        => last.Start + last.Length <= first.Start
            ? first
            : new TextSpan(first.Start, last.Start + last.Length - first.Start, first.Line, first.Column);
}
