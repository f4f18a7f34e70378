using BenchmarkDotNet.Attributes;
using Benchmarks.RuleBench;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Compilation;

namespace Benchmarks;

/// <summary>
/// Compile time: parse, bind, type-check and compile to delegates, per rule (a five-rule .rules file,
/// normalised per rule) and for one audience condition. Paid once per campaign load.
/// `dotnet run -c Release --project tests/Benchmarks -- --filter '*RuleCompile*' --job short`
/// </summary>
[MemoryDiagnoser]
public class RuleCompileBenchmark
{
    private readonly FactSchema<RuleBenchFacts> schema = RuleBenchFacts.Schema();
    private readonly string rulesFile = TypicalRules.RulesFile();

    [Benchmark(OperationsPerInvoke = 5)]
    public object? Compile_rules_file_per_rule()
        => CampaignCompiler.CompileRules(rulesFile, new SourceOrigin("bench.rules"), schema).Value;

    [Benchmark]
    public object? Compile_one_condition()
        => CampaignCompiler.CompileCondition(TypicalRules.All[0].Dsl, new SourceOrigin("bench.yaml"), schema).Value;
}
