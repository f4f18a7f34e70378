using CampaignEngine.Calendar;
using CampaignEngine.Campaigns.Configuration;
using CampaignEngine.Campaigns.Loading;
using CampaignEngine.Campaigns.Tests.Support;
using CampaignEngine.Campaigns.Yaml;
using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Facts;

namespace CampaignEngine.Campaigns.Tests.Loading;

/// <summary>Whatever a marketer's editor leaves in a file, reading it gives diagnostics with valid positions, never an exception.</summary>
public sealed class MutatedYamlTests
{
    private const int Mutations = 4000;

    private static readonly string[] Fragments =
    [
        ":", ": ", "-", "- ", " ", "  ", "\n", "\t", "[", "]", "{", "}", "\"", "'", "|", ">", "#", "&a", "*a", "*b", "%",
        "中", "签收", "0", "99999999999", "---\n", "? ", ",", "!!int ", "\\", "{{", "}}", "{%", "【", "  - rule: x\n",
        "holdout: ", "schedule: ", "on: holiday(\"中秋\")", "limits:\n  budget: ", "rules_file: ../../etc/passwd\n",
    ];

    public static IEnumerable<object[]> Seeds()
    {
        foreach (var file in CampaignLoader.CampaignFiles(Repository.Campaigns))
        {
            yield return [Path.GetFileName(file)];
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Reading_mutated_campaign_files_never_throws(string seedFile)
    {
        var original = File.ReadAllText(Path.Combine(Repository.Campaigns, seedFile));
        var random = new Random(20261123 ^ seedFile.Length);
        var kinds = new HashSet<string>();
        for (var i = 0; i < Mutations; i++)
        {
            var mutated = Mutate(original, random);
            var lines = mutated.Split('\n').Length;
            var (_, diagnostics) = Read.Campaign(mutated);
            foreach (var diagnostic in diagnostics)
            {
                kinds.Add(diagnostic.Code);
                Assert.StartsWith("CE2", diagnostic.Code);
                Assert.InRange(diagnostic.Line, 1, lines + 1);
                Assert.True(diagnostic.Column >= 1, diagnostic.ToString());
                Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
            }
        }

        // The mutations reach the checks, not only the YAML syntax error.
        Assert.True(kinds.Count >= 5, string.Join(", ", kinds));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Compiling_mutated_campaign_files_against_the_built_in_facts_never_throws(string seedFile)
    {
        var path = Path.Combine(Repository.Campaigns, seedFile);
        var original = File.ReadAllText(path);
        var schema = BuiltInFacts.Schema(FestivalCalendar.Default);
        var random = new Random(7 ^ seedFile.Length);
        var compiled = 0;
        for (var i = 0; i < Mutations / 4; i++)
        {
            var mutated = Mutate(original, random);
            var bag = new DiagnosticBag(false);
            var document = SourceTreeReader.Read(path, mutated, bag);
            var syntax = CampaignReader.Read(document, EngineConfig.Default, FestivalCalendar.Default, bag);
            if (syntax is not null && CampaignBinder.Bind(syntax, schema, EngineConfig.Default, CompileOptions.Default, bag) is not null)
            {
                compiled++;
            }

            Assert.All(bag.Items, d => Assert.True(d.Line >= 1 && d.Column >= 1, d.ToString()));
        }

        // Some mutations (in comments, in template text) leave a working campaign: the binder really ran.
        Assert.True(compiled > 0);
    }

    /// <summary>One to three edits: insert a fragment, delete a span, duplicate or swap lines, re-indent, truncate.</summary>
    internal static string Mutate(string text, Random random)
    {
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && text.Length > 0; e++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(6))
            {
                case 0:
                    text = text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 1:
                    text = text.Remove(at, Math.Min(random.Next(1, 12), text.Length - at));
                    break;
                case 2:
                {
                    var lines = text.Split('\n').ToList();
                    var line = random.Next(lines.Count);
                    lines.Insert(line, lines[line]);
                    text = string.Join('\n', lines);
                    break;
                }

                case 3:
                {
                    var lines = text.Split('\n');
                    var (a, b) = (random.Next(lines.Length), random.Next(lines.Length));
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    text = string.Join('\n', lines);
                    break;
                }

                case 4:
                {
                    var lines = text.Split('\n');
                    var line = random.Next(lines.Length);
                    lines[line] = random.Next(2) == 0 ? "  " + lines[line] : lines[line].TrimStart();
                    text = string.Join('\n', lines);
                    break;
                }

                default:
                    text = text[..at];
                    break;
            }
        }

        return text;
    }
}
