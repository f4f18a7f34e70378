using CampaignEngine.Calendar;
using CampaignEngine.Campaigns.Templates;
using CampaignEngine.Campaigns.Tests.Support;
using CampaignEngine.Facts;

namespace CampaignEngine.Campaigns.Tests.Templates;

/// <summary>
/// Every text of every shipped campaign renders the same on the engine's path (plain texts without
/// DotLiquid) as through DotLiquid, whatever the customer's values look like.
/// </summary>
public sealed class ShippedTemplatesRenderLikeDotLiquidTests
{
    private static readonly Lazy<IReadOnlyList<(string Where, ChannelText Text)>> Texts = new(() =>
    {
        var set = CampaignLoader.Load(Repository.Campaigns, BuiltInFacts.Schema(FestivalCalendar.Default));
        Assert.False(set.HasErrors, string.Join("\n", set.Diagnostics.Where(d => d.IsError)));
        return [.. set.Campaigns.SelectMany(c => c.Templates.Values.SelectMany(t => t.Texts.Values.Select(text => ($"{c.Id}/{t.Name}/{text.Channel}", text))))];
    });

    // Values a customer's name, a shop setting or a rule's with: could hold; some look like markup.
    private static readonly string[] Values = ["张三", "", "Li & <b>Lee</b>", "{{ name }}", "{% if x %}", "\"quoted\" 'single'", "两行\n第二行", "100%", "}}", "¥12.50"];

    [Fact]
    public void Most_shipped_texts_take_the_plain_path()
    {
        // The speed-up is worth nothing if the shipped messages do not qualify; and the comparison below would
        // then test DotLiquid against itself.
        var texts = Texts.Value;
        Assert.NotEmpty(texts);
        Assert.True(texts.Count(t => t.Text.IsPlain) * 2 > texts.Count,
            "not plain: " + string.Join(", ", texts.Where(t => !t.Text.IsPlain).Select(t => t.Where)));
    }

    [Fact]
    public void Every_shipped_text_renders_as_DotLiquid_renders_it()
    {
        var random = new Random(20261123);
        foreach (var (_, text) in Texts.Value)
        {
            var names = new[] { text.BodySource, text.SubjectSource, text.HtmlSource }
                .OfType<string>().SelectMany(s => LiquidVariables.Read(s)).Select(v => v.Name).Distinct().ToList();
            for (var round = 0; round < 20; round++)
            {
                // Every variable set, or some left unset (a fact without a value renders as nothing).
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var name in names.Where(_ => round == 0 || random.Next(4) > 0))
                {
                    values[name] = Values[random.Next(Values.Length)];
                }

                RenderPaths.AssertSame(text, values);
            }
        }
    }
}
