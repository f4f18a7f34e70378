using CampaignEngine.Campaigns.Yaml;
using CampaignEngine.Dsl.Compilation;

namespace CampaignEngine.Campaigns.Tests.Yaml;

public sealed class DslTextTests
{
    private static DslText When(string yaml)
    {
        var bag = new DiagnosticBag(false);
        var document = SourceTreeReader.Read("c.yaml", yaml, bag);
        Assert.Empty(bag.Items);
        var scalar = (ScalarNode)((MappingNode)document.Root!).Entries.Single(e => e.Key.Value == "when").Value;
        return DslText.From(document, scalar);
    }

    [Fact]
    public void A_plain_scalar_starts_where_it_is_written()
    {
        var text = When("name: x\nwhen: frequency >= 3\n");

        Assert.Equal("frequency >= 3", text.Text);
        Assert.Equal(new SourceOrigin("c.yaml", 2, 7, 7), text.Origin);
    }

    [Fact]
    public void A_quoted_scalar_starts_after_its_quote()
    {
        var text = When("when: \"tagged('vip') and frequency >= 3\"\n");

        Assert.Equal("tagged('vip') and frequency >= 3", text.Text);
        Assert.Equal(new SourceOrigin("c.yaml", 1, 8, 8), text.Origin);
    }

    [Fact]
    public void A_single_quoted_scalar_starts_after_its_quote()
    {
        var text = When("when: 'tagged(\"vip\")'\n");

        Assert.Equal("tagged(\"vip\")", text.Text);
        Assert.Equal(1, text.Origin.Line);
        Assert.Equal(8, text.Origin.Column);
    }

    [Fact]
    public void A_literal_block_starts_on_the_next_line_at_its_indentation()
    {
        var text = When("when: |\n    frequency >= 3\n    and monetary > 500\nthen: x\n");

        Assert.Equal("frequency >= 3\nand monetary > 500", text.Text);
        Assert.Equal(new SourceOrigin("c.yaml", 2, 5, 5), text.Origin);
    }

    [Fact]
    public void A_folded_block_keeps_its_line_breaks_for_the_compiler()
    {
        var text = When("when: >\n  frequency >= 3\n  and monetary > 500\n");

        Assert.Equal("frequency >= 3\nand monetary > 500", text.Text);
        Assert.Equal(new SourceOrigin("c.yaml", 2, 3, 3), text.Origin);
    }

    [Fact]
    public void A_multi_line_plain_scalar_keeps_its_lines_and_the_continuation_indentation()
    {
        var text = When("when: frequency >= 3\n      and monetary > 500\n");

        Assert.Equal("frequency >= 3\nand monetary > 500", text.Text);
        Assert.Equal(new SourceOrigin("c.yaml", 1, 7, 7), text.Origin);
    }

    [Fact]
    public void A_multi_line_plain_scalar_in_a_rule_maps_its_second_line()
    {
        var bag = new DiagnosticBag(false);
        var document = SourceTreeReader.Read("c.yaml", "rules:\n  - rule: a\n    when: frequency >= 3\n      and bad\n", bag);
        var rule = (MappingNode)((SequenceNode)((MappingNode)document.Root!).Entries[0].Value).Items[0];
        var text = DslText.From(document, (ScalarNode)rule.Entries[1].Value);

        Assert.Equal("frequency >= 3\nand bad", text.Text);
        Assert.Equal((4, 11), text.PositionOf(text.Text.IndexOf("bad", StringComparison.Ordinal)));
    }

    [Fact]
    public void Positions_inside_the_text_map_back_to_the_file()
    {
        var text = When("when: |\n    frequency >= 3\n    and monetary > 500\n");

        Assert.Equal((2, 5), text.PositionOf(0));
        Assert.Equal((2, 18), text.PositionOf(13));
        Assert.Equal((3, 9), text.PositionOf(text.Text.IndexOf("monetary", StringComparison.Ordinal)));
    }
}
