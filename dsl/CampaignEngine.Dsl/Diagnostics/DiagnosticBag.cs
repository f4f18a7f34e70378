using System.Globalization;

namespace CampaignEngine.Dsl.Diagnostics;

/// <summary>
/// Collects the problems of one piece of text while it is parsed and bound, positioned in that text
/// (1-based line and column, counted in characters), and turns them into <see cref="Diagnostic"/>s placed
/// in the marketer's file at the end, in the language asked for.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<Pending> pending = [];

    public bool HasErrors => pending.Exists(p => p.Descriptor.Severity == DiagnosticSeverity.Error);

    public int Count => pending.Count;

    public void Report(DiagnosticDescriptor descriptor, int line, int column, int length, params object[] arguments)
        => pending.Add(new Pending(descriptor, line, column, Math.Max(1, length), arguments));

    /// <summary>Places the diagnostics in the file: text that starts at <paramref name="firstLine"/>:<paramref name="firstColumn"/>,
    /// its following lines indented to <paramref name="continuationColumn"/>.</summary>
    public IReadOnlyList<Diagnostic> ToDiagnostics(string file, int firstLine, int firstColumn, int continuationColumn, bool chinese)
        => pending
            .OrderBy(p => p.Line).ThenBy(p => p.Column)
            .Select(p => new Diagnostic(
                p.Descriptor.Code,
                p.Descriptor.Severity,
                file,
                firstLine + p.Line - 1,
                (p.Line == 1 ? firstColumn : continuationColumn) + p.Column - 1,
                p.Length,
                Format(chinese ? p.Descriptor.ChineseMessage : p.Descriptor.Message, p.Arguments, chinese),
                Format(chinese ? p.Descriptor.ChineseHint : p.Descriptor.Hint, p.Arguments, chinese)))
            .ToArray();

    private static string Format(string template, object[] arguments, bool chinese)
    {
        var texts = arguments.Select(a => a switch
        {
            Localized l => l.In(chinese),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => a.ToString() ?? "",
        }).ToArray<object>();
        return string.Format(CultureInfo.InvariantCulture, template, texts);
    }

    private sealed record Pending(DiagnosticDescriptor Descriptor, int Line, int Column, int Length, object[] Arguments);
}
