namespace CampaignEngine.Dsl.Compilation;

/// <summary>Moves a position in the compiled text to the marketer's file (see <see cref="SourceOrigin"/>).</summary>
internal sealed record SourcePlacement(SourceOrigin Origin)
{
    public int Line(int line) => Origin.Line + line - 1;

    public (int Line, int Column) Place(int line, int column)
        => (Line(line), (line == 1 ? Origin.Column : Origin.ContinuationColumn) + column - 1);
}
