namespace CampaignEngine.Dsl.Syntax;

/// <summary>Cuts the marketer's text at a span. Spans count characters (code points, as ANTLR does),
/// which differ from .NET string indexes only after a character outside the BMP (an emoji).</summary>
internal static class SourceText
{
    public static string Slice(string text, TextSpan span)
    {
        var start = Index(text, span.Start);
        var end = Index(text, span.Start + span.Length);
        return end > start ? text[start..end] : "";
    }

    private static int Index(string text, int codePoints)
    {
        var index = 0;
        for (var seen = 0; seen < codePoints && index < text.Length; seen++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }

        return index;
    }
}
