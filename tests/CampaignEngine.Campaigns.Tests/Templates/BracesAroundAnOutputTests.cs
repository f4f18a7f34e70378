using CampaignEngine.Campaigns.Templates;

namespace CampaignEngine.Campaigns.Tests.Templates;

/// <summary>
/// A literal brace touching an output (<c>{{{ name }}</c>, <c>{{ name }}}</c>) is read by DotLiquid's tokenizer
/// as part of the output markup: the brace disappears from the message. The plain path must render what
/// DotLiquid renders (or leave such a text to DotLiquid), not keep the brace. As of e407025 the cases with a
/// brace before the output fail (the plain path keeps it): PlainSubstitution.TryParse must not take a text
/// whose literal before an output ends with '{'.
/// </summary>
public sealed class BracesAroundAnOutputTests
{
    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal) { ["name"] = "张三" };

    [Theory]
    [InlineData("{{{ name }}")]
    [InlineData("{{{name}}")]
    [InlineData("您好{{{ name }}!")]
    [InlineData("{{ name }}}")]
    [InlineData("{{{ name }}}")]
    [InlineData("{ {{ name }} }")]
    [InlineData("{{ name }}{{ name }}")]
    public void A_brace_next_to_an_output_renders_as_DotLiquid_renders_it(string source)
    {
        // validate reads the variable as "name" and accepts the text, so such a message does reach rendering.
        Assert.Equal(["name"], LiquidVariables.Read(source).Select(v => v.Name).Distinct());
        RenderPaths.AssertSame(RenderPaths.Sms(source)!, Values);
    }
}
