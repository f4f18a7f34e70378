using System.Runtime.CompilerServices;
using System.Text;
using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Dsl.Diagnostics;
using CampaignEngine.Dsl.Tests.Support;

namespace CampaignEngine.Dsl.Tests;

/// <summary>
/// Every diagnostic a marketer can meet, on a corpus of broken rules, compared with the approved text in
/// Approved/broken-rules.approved.txt. After an intended change, review Approved/broken-rules.received.txt
/// and copy it over the approved file.
/// </summary>
public class DiagnosticsSnapshotTests
{
    private static readonly (string Name, string Text, MessageLanguage Language)[] Corpus =
    [
        ("misspelt fact", "rule a when frequncy >= 3 then send x", MessageLanguage.Auto),
        ("misspelt chinese alias", "规则 a 当 购买次 >= 3 则 发送 x", MessageLanguage.Auto),
        ("chinese keyword glued to a name", "规则 a 当 购买次数>=3且消费金额>500 则 发送 x", MessageLanguage.Auto),
        ("unknown function", "rule a when taged(\"vip\") then send x", MessageLanguage.Auto),
        ("function without parentheses", "rule a when tagged then send x", MessageLanguage.Auto),
        ("fact called like a function", "rule a when frequency(3) > 1 then send x", MessageLanguage.Auto),
        ("wrong argument count", "rule a when tagged(\"vip\", \"x\") then send x", MessageLanguage.Auto),
        ("wrong argument type", "rule a when tagged(3) and contacts_in(\"30\") = 0 then send x", MessageLanguage.Auto),
        ("host rejects a literal argument", "rule a when is_holiday(\"中球\") then send x", MessageLanguage.Auto),
        ("known with two values", "rule a when known(cycle, level) then send x", MessageLanguage.Auto),
        ("known without parentheses", "rule a when known then send x", MessageLanguage.Auto),
        ("comparing text with a number", "rule a when level > 3 then send x", MessageLanguage.Auto),
        ("ordering text", "rule a when level < \"VIP\" then send x", MessageLanguage.Auto),
        ("money against a duration", "rule a when monetary > 30d then send x", MessageLanguage.Auto),
        ("a date plus a date", "rule a when last_order + 2026-01-01 > 3 then send x", MessageLanguage.Auto),
        ("condition that is not true or false", "rule a when frequency then send x", MessageLanguage.Auto),
        ("and joining a number", "rule a when frequency > 1 and monetary then send x", MessageLanguage.Auto),
        ("not on a number", "rule a when not frequency then send x", MessageLanguage.Auto),
        ("mixed list", "rule a when level in [\"VIP\", 3] then send x", MessageLanguage.Auto),
        ("tag set used as a value", "rule a when tags = \"vip\" then send x", MessageLanguage.Auto),
        ("minus before text", "rule a when -level = \"x\" then send x", MessageLanguage.Auto),
        ("between on text", "rule a when level between \"a\" and \"b\" then send x", MessageLanguage.Auto),
        ("invalid date and time", "rule a when last_order > 2026-02-30 and preferred_time > 25:00 then send x", MessageLanguage.Auto),
        ("number too large", "rule a when monetary > 99999999999999999999 then send x", MessageLanguage.Auto),
        ("unterminated text", "rule a when level = \"VIP then send x", MessageLanguage.Auto),
        ("stray characters", "rule a when frequency >= 3 @@ then send x", MessageLanguage.Auto),
        ("missing when", "rule a frequency >= 3 then send x", MessageLanguage.Auto),
        ("missing then", "rule a when frequency >= 3 send x", MessageLanguage.Auto),
        ("missing operand", "rule a when frequency >= then send x", MessageLanguage.Auto),
        ("unbalanced parenthesis", "rule a when (frequency >= 3 then send x", MessageLanguage.Auto),
        ("ends too early", "rule a when frequency >=", MessageLanguage.Auto),
        ("send without template", "rule a when frequency > 1 then send via sms", MessageLanguage.Auto),
        ("send without template, chinese", "规则 a 当 购买次数 > 1 则 发送 通过 短信", MessageLanguage.Auto),
        ("empty template and tag", "rule a when frequency > 1 then send \"\" and tag \"  \"", MessageLanguage.Auto),
        ("duplicate channel", "rule a when frequency > 1 then send x via sms, 短信", MessageLanguage.Auto),
        ("duplicate with key and computed value", "rule a when frequency > 1 then send x with c = 1, c = 2, d = frequency * 2", MessageLanguage.Auto),
        ("setting something else than the level", "rule a when frequency > 1 then set region = \"上海\"", MessageLanguage.Auto),
        ("level that is not text", "rule a when frequency > 1 then set level = 3", MessageLanguage.Auto),
        ("fractional priority", "rule a priority 1.5 when frequency > 1 then send x", MessageLanguage.Auto),
        ("duplicate rule names", "rule a when frequency > 1 then send x\nrule A when frequency > 2 then send y", MessageLanguage.Auto),
        ("text before the first rule", "hello\nrule a when frequency > 1 then send x", MessageLanguage.Auto),
        ("every rule is checked after a syntax error", "rule a when frequency >= then send x\nrule b when monetry > 1 then send y\nrule c when level > 1 then send z", MessageLanguage.Auto),
        ("chinese input, english messages asked for", "规则 a 当 购买次 >= 3 则 发送 x", MessageLanguage.English),
        ("english input, chinese messages asked for", "rule a when frequncy >= 3 then send x", MessageLanguage.Chinese),
    ];

    [Fact]
    public void Broken_rules_get_the_approved_diagnostics()
    {
        var received = new StringBuilder();
        foreach (var (name, text, language) in Corpus)
        {
            var result = CampaignCompiler.CompileRules(text, new SourceOrigin("broken.rules"), Compile.Schema, new CompileOptions(language));
            received.Append("### ").Append(name).Append('\n').Append(text).Append("\n---\n");
            Assert.Null(result.Value is not null && result.Diagnostics.Any(d => d.IsError) ? "value with errors" : null);
            foreach (var diagnostic in result.Diagnostics)
            {
                received.Append(diagnostic).Append($" (length {diagnostic.Length})\n    hint: ").Append(diagnostic.Hint).Append('\n');
            }

            received.Append('\n');
        }

        var approvedPath = Path.Combine(SourceDirectory(), "Approved", "broken-rules.approved.txt");
        var receivedPath = Path.ChangeExtension(approvedPath, null).Replace(".approved", ".received") + ".txt";
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath) : "";
        if (approved != received.ToString())
        {
            File.WriteAllText(receivedPath, received.ToString());
            Assert.Fail($"diagnostics differ from {approvedPath}; review {receivedPath} and copy it over the approved file if it is right");
        }

        File.Delete(receivedPath);
    }

    [Fact]
    public void Every_diagnostic_in_the_catalogue_is_reported_by_the_corpus_and_documented()
    {
        var reported = Corpus
            .SelectMany(c => CampaignCompiler.CompileRules(c.Text, new SourceOrigin("broken.rules"), Compile.Schema).Diagnostics)
            .Select(d => d.Code)
            .Concat(CampaignCompiler.CompileCondition(" ", new SourceOrigin("c.yaml"), Compile.Schema).Diagnostics.Select(d => d.Code))
            .ToHashSet();
        var docs = File.ReadAllText(Path.Combine(SourceDirectory(), "..", "..", "docs", "dsl.md"));

        Assert.Equal(DiagnosticCatalogue.All.Count, DiagnosticCatalogue.All.Select(d => d.Code).Distinct().Count());
        var unreported = DiagnosticCatalogue.All.Select(d => d.Code).Except(reported).ToArray();
        var undocumented = DiagnosticCatalogue.All.Select(d => d.Code).Where(code => !docs.Contains(code, StringComparison.Ordinal)).ToArray();
        Assert.True(unreported.Length == 0, "never reported: " + string.Join(", ", unreported));
        Assert.True(undocumented.Length == 0, "not in docs/dsl.md: " + string.Join(", ", undocumented));
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
