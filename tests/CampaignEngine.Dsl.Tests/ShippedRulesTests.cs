using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Dsl.Tests.Support;

namespace CampaignEngine.Dsl.Tests;

/// <summary>
/// The example rules shipped in campaigns/rules compile against the built-in fact names of DESIGN.md
/// (the engine's own schema checks them again in `campaign validate`).
/// </summary>
public class ShippedRulesTests
{
    public static TheoryData<string> RuleFiles() => [.. FileNames()];

    private static string[] FileNames()
        => [.. Directory.GetFiles(Path.Combine(RepositoryRoot(), "campaigns", "rules"), "*.rules").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Shipped_rule_file_compiles(string file)
    {
        var path = Path.Combine(RepositoryRoot(), "campaigns", "rules", file);
        var result = CampaignCompiler.CompileRules(File.ReadAllText(path), new SourceOrigin(path), DesignFacts());

        Assert.True(result.Succeeded, Compile.Show(result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.True(result.Value!.Rules.Count >= 3);
    }

    [Fact]
    public void The_english_and_chinese_examples_are_both_shipped()
    {
        var files = FileNames();
        Assert.Contains(files, f => f.All(char.IsAscii));
        Assert.Contains(files, f => !f.All(char.IsAscii));
    }

    /// <summary>The built-in fact names DESIGN.md and GLOSSARY.md give, read from the test table's columns.</summary>
    private static FactSchema<CustomerTable> DesignFacts()
    {
        FieldDefinition<CustomerTable> Number(string name, params string[] aliases)
            => FieldDefinition<CustomerTable>.Number(name, name, (c, r) => c.Frequency[r], aliases);
        Expression<Func<CustomerTable, int, string?>> text = (c, r) => c.Level[r];
        var fields = new[]
        {
            Number("frequency", "购买次数"), Number("days_since_last", "距上次购买天数"), Number("cycle", "购买周期"),
            Number("days_to_birthday"), Number("days_since_delivery"),
            FieldDefinition<CustomerTable>.Money("monetary", "", (c, r) => c.Monetary[r], "消费金额"),
            FieldDefinition<CustomerTable>.Money("aov", "", (c, r) => c.Aov[r], "客单价"),
            new FieldDefinition<CustomerTable>("rfm_segment", DslType.Text, "", [], text),
        };
        var functions = Compile.Schema.Functions.Where(f => f.Name is "tagged" or "contacts_in");
        return new FactSchema<CustomerTable>(fields, functions);
    }

    private static string RepositoryRoot([CallerFilePath] string path = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
