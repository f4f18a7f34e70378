namespace CampaignEngine.Dsl.Diagnostics;

public enum DiagnosticSeverity { Error, Warning, Info }

/// <summary>
/// A problem in a marketer's input, as data: a code from the catalogue, where it is (1-based line and
/// column, span length), what is wrong in words a marketer understands, and how to fix it.
/// </summary>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string File,
    int Line,
    int Column,
    int Length,
    string Message,
    string? Hint = null)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary><c>file:line:col: error CE0123: message</c>, the format compilers and editors understand.</summary>
    public override string ToString()
        => $"{File}:{Line}:{Column}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
