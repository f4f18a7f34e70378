using CampaignEngine.Campaigns.Templates;

namespace CampaignEngine.Campaigns.Tests.Templates;

public sealed class LiquidVariablesTests
{
    private static List<string> Names(string text) => LiquidVariables.Read(text).Select(v => v.Name).ToList();

    [Fact]
    public void Outputs_are_read_with_their_positions()
    {
        var variables = LiquidVariables.Read("【{{ shop }}】{{ name }}您好");

        Assert.Equal([new LiquidVariable("shop", 4), new LiquidVariable("name", 15)], variables);
    }

    [Fact]
    public void Only_the_root_of_a_path_counts_and_filter_arguments_are_read()
    {
        Assert.Equal(["order", "bonus"], Names("{{ order.total | plus: bonus | upcase }}"));
    }

    [Fact]
    public void Names_the_template_defines_are_not_variables()
    {
        Assert.Equal(["coupon", "items"], Names("{% assign code = coupon %}{{ code }}{% for item in items %}{{ item.name }}{{ forloop.index }}{% endfor %}{% capture x %}a{% endcapture %}{{ x }}"));
    }

    [Fact]
    public void Conditions_are_read_and_string_literals_skipped()
    {
        Assert.Equal(["level", "coupon"], Names("{% if level == \"VIP\" and coupon != empty %}{{ 'name' }}{% elsif coupon %}{% endif %}"));
    }

    [Fact]
    public void Chinese_variable_names_are_read()
    {
        Assert.Equal(["姓名", "购买次数"], Names("{{ 姓名 }}您好,您已购买{{ 购买次数 }}次"));
    }

    [Fact]
    public void Comments_and_raw_blocks_are_skipped()
    {
        Assert.Equal(["name"], Names("{% comment %}{{ nope }}{% endcomment %}{% raw %}{{ literal }}{% endraw %}{{ name }}"));
    }
}
