using System.Reflection;
using CampaignEngine.Campaigns.Tests.Support;

namespace CampaignEngine.Campaigns.Tests.Schema;

/// <summary>docs/campaigns.md lists every key and every diagnostic code; these tests keep it that way.</summary>
public sealed class DocumentationTests
{
    private static readonly string Docs = File.ReadAllText(Path.Combine(Repository.Root, "docs", "campaigns.md"));

    [Fact]
    public void Every_key_in_English_and_Chinese_is_documented()
    {
        var missing = CampaignKeys.All.SelectMany(k => k.AllSpellings).Distinct().Where(key => !Docs.Contains($"`{key}`", StringComparison.Ordinal)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_diagnostic_code_is_documented()
    {
        var codes = typeof(CampaignDiagnostics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Code)
            .ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        var undocumented = codes.Where(code => !Docs.Contains($"| {code} |", StringComparison.Ordinal)).ToList();
        Assert.Empty(undocumented);
    }
}
