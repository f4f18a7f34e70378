using CampaignEngine.Campaigns.Yaml;
using CampaignEngine.Dsl.Diagnostics;

namespace CampaignEngine.Campaigns;

/// <summary>Collects the diagnostics of one load, in the language the marketer asked for.</summary>
internal sealed class DiagnosticBag(bool chinese)
{
    private readonly List<Diagnostic> items = [];

    public bool Chinese { get; } = chinese;

    public IReadOnlyList<Diagnostic> Items => items;

    public bool HasErrors => items.Any(d => d.IsError);

    public void Add(Diagnostic diagnostic) => items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => items.AddRange(diagnostics);

    public void Add(DiagnosticDescriptor descriptor, string file, SourcePosition at, params object[] args)
        => items.Add(descriptor.Create(file, at.Line, at.Column, 1, Chinese, args));

    public void Add(DiagnosticDescriptor descriptor, string file, SourceNode node, params object[] args)
    {
        var length = node.End.Line == node.Start.Line ? Math.Max(1, node.End.Column - node.Start.Column) : 1;
        items.Add(descriptor.Create(file, node.Start.Line, node.Start.Column, length, Chinese, args));
    }
}
