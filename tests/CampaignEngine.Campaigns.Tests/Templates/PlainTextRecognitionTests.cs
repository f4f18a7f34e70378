using CampaignEngine.Campaigns.Templates;

namespace CampaignEngine.Campaigns.Tests.Templates;

/// <summary>
/// Which texts take the plain path: literal text and bare outputs do; anything beyond is not plain and
/// still renders through DotLiquid — the expected outputs below are ones only DotLiquid produces (a
/// concatenation would print the markup or look up the wrong name).
/// </summary>
public sealed class PlainTextRecognitionTests
{
    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["name"] = "li",
        ["coupon"] = "20",
        ["true"] = "a variable named true",
        ["false"] = "a variable named false",
        ["nil"] = "a variable named nil",
        ["null"] = "a variable named null",
        ["empty"] = "a variable named empty",
        ["blank"] = "a variable named blank",
    };

    [Theory]
    [InlineData("{{ name | upcase }}您好", "LI您好")]
    [InlineData("{{ name|upcase }}", "LI")]
    [InlineData("{% if coupon %}券{{ coupon }}元{% endif %}", "券20元")]
    [InlineData("{% assign n = name %}{{ n }}", "li")]
    [InlineData("{{ order.total }}元", "元")]
    [InlineData("{{ true }}", "true")]
    [InlineData("{{ false }}|{{ nil }}|{{ null }}", "false||")]
    [InlineData("a {{- name -}} b", "alib")]
    [InlineData("a {{- name }} b", "ali b")]
    [InlineData("{{ 'name' }}", "name")]
    [InlineData("{{ 12 }}", "12")]
    [InlineData("{% comment %}{{ name }}{% endcomment %}x", "x")]
    [InlineData("{% raw %}{{ name }}{% endraw %}", "{{ name }}")]
    public void Liquid_markup_is_left_to_DotLiquid(string source, string expected)
    {
        var text = RenderPaths.Sms(source)!;

        Assert.False(text.IsPlain);
        Assert.Null(PlainSubstitution.TryParse(source));
        Assert.Equal(expected, RenderPaths.Engine(text, Values).Body);
        Assert.Equal(expected, RenderPaths.DotLiquid(text, Values).Body);
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("blank")]
    public void Liquid_literals_are_not_looked_up_as_variables(string literal)
    {
        var source = $"{{{{ {literal} }}}}";
        var text = RenderPaths.Sms(source)!;

        Assert.False(text.IsPlain);
        Assert.Null(PlainSubstitution.TryParse(source));
        Assert.NotEqual(Values[literal], RenderPaths.Engine(text, Values).Body);
        Assert.Equal(RenderPaths.DotLiquid(text, Values), RenderPaths.Engine(text, Values));
    }

    [Fact]
    public void An_email_with_one_part_that_is_not_plain_is_not_plain()
    {
        var text = RenderPaths.Email("{{ name }}的专享", "<p>{{ name | upcase }}</p>", "{{ name }}您好");

        Assert.False(text.IsPlain);
        Assert.Equal(new RenderedText("li您好", "li的专享", "<p>LI</p>"), RenderPaths.Engine(text, Values));
    }

    [Theory]
    [InlineData("【{{ shop }}】{{ name }}您好", new[] { "shop", "name" })]
    [InlineData("{{name}}{{ name }}{{\tname }}", new[] { "name", "name", "name" })]
    [InlineData("{{ 姓名 }}", new[] { "姓名" })]
    [InlineData("100% { } 没有变量", new string[0])]
    public void Literal_text_and_bare_outputs_are_plain(string source, string[] variables)
    {
        var plain = PlainSubstitution.TryParse(source);

        Assert.NotNull(plain);
        Assert.Equal(variables, plain.Variables);
        Assert.True(RenderPaths.Sms(source)!.IsPlain);
    }
}
