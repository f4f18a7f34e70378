namespace CampaignEngine.Dsl.Compilation;

/// <summary>
/// Where a piece of DSL text sits in the file the marketer edits, so diagnostics point there:
/// the text starts at <paramref name="Line"/>:<paramref name="Column"/>; its following lines start at
/// column <paramref name="ContinuationColumn"/> (a YAML block scalar strips that indentation).
/// A standalone <c>.rules</c> file is <c>new SourceOrigin(path)</c>.
/// </summary>
public sealed record SourceOrigin(string File, int Line = 1, int Column = 1, int ContinuationColumn = 1);
