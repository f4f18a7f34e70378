using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Dsl.Diagnostics;

namespace CampaignEngine.Dsl.Tests.Support;

/// <summary>Shorthands the tests share: compile against <see cref="TestSchema"/> and show diagnostics.</summary>
internal static class Compile
{
    public static readonly Binding.FactSchema<CustomerTable> Schema = TestSchema.Create();

    public static CompiledCondition<CustomerTable> Condition(string text)
    {
        var result = CampaignCompiler.CompileCondition(text, new SourceOrigin("test.yaml"), Schema);
        Assert.True(result.Succeeded, $"'{text}' did not compile:\n{Show(result.Diagnostics)}");
        return result.Value!;
    }

    public static IReadOnlyList<Diagnostic> ConditionErrors(string text, CompileOptions? options = null)
        => CampaignCompiler.CompileCondition(text, new SourceOrigin("test.yaml"), Schema, options).Diagnostics;

    public static CompiledRuleSet<CustomerTable> Rules(string text)
    {
        var result = CampaignCompiler.CompileRules(text, new SourceOrigin("test.rules"), Schema);
        Assert.True(result.Succeeded, $"rules did not compile:\n{Show(result.Diagnostics)}");
        return result.Value!;
    }

    public static string Show(IEnumerable<Diagnostic> diagnostics)
        => string.Join("\n", diagnostics.Select(d => $"{d} [{d.Length}] — {d.Hint}"));
}
