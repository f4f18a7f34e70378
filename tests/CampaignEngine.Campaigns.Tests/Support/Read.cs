using CampaignEngine.Calendar;
using CampaignEngine.Campaigns;
using CampaignEngine.Campaigns.Configuration;
using CampaignEngine.Campaigns.Loading;
using CampaignEngine.Campaigns.Yaml;
using CampaignEngine.Dsl.Diagnostics;

namespace CampaignEngine.Campaigns.Tests.Support;

/// <summary>Phase one of loading (YAML → campaign syntax) on text written in the test; no DSL involved.</summary>
internal static class Read
{
    public const string File = "test.yaml";

    public static (CampaignSyntax? Campaign, IReadOnlyList<Diagnostic> Diagnostics) Campaign(string yaml, bool chinese = false, EngineConfig? config = null)
    {
        var bag = new DiagnosticBag(chinese);
        var document = SourceTreeReader.Read(File, yaml, bag);
        var campaign = CampaignReader.Read(document, config ?? EngineConfig.Default, FestivalCalendar.Default, bag);
        return (campaign, bag.Items);
    }

    public static (EngineConfig Config, IReadOnlyList<Diagnostic> Diagnostics) Engine(string yaml)
    {
        var bag = new DiagnosticBag(false);
        var document = SourceTreeReader.Read("engine.yaml", yaml, bag);
        return (EngineConfigLoader.Read(document, bag), bag.Items);
    }

    /// <summary>The one diagnostic with this code (fails when there is none or several).</summary>
    public static Diagnostic Single(this IReadOnlyList<Diagnostic> diagnostics, string code)
    {
        var found = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(found.Count == 1, $"expected one {code}, got: {string.Join(" | ", diagnostics)}");
        return found[0];
    }

    public static void AssertAt(this Diagnostic diagnostic, int line, int column)
        => Assert.True(diagnostic.Line == line && diagnostic.Column == column, $"expected {line}:{column}, got {diagnostic}");
}
