using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Dsl.Tests.Support;

namespace CampaignEngine.Dsl.Tests;

/// <summary>Campaigns may be loaded in parallel: the parser's shared caches must hold up.</summary>
public class ConcurrentCompileTests
{
    [Fact]
    public void Many_rules_compiled_at_once_all_compile_the_same_way()
    {
        string[] texts =
        [
            "rule a when frequency >= 3 and days_since_last > cycle * 1.5 then send x via sms",
            "规则 b 当 购买次数 介于 2 和 5 之间 且 非 有标签(“blacklist”) 则 发送 y 通过 短信，旺旺",
            "rule c when level in [\"VIP\", \"金卡\"] or last_order + 7d > 2026-11-11 then tag \"z\"",
            "rule d when frequncy > 1 then send x",
        ];
        var results = new CompileResult<CompiledRuleSet<CustomerTable>>[400];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => results[i] = CampaignCompiler.CompileRules(texts[i % texts.Length], new SourceOrigin("p.rules"), Compile.Schema));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(i % texts.Length != 3, results[i].Succeeded);
            Assert.Equal(i % texts.Length == 3 ? ["CE0101"] : [], results[i].Diagnostics.Select(d => d.Code));
        }
    }
}
