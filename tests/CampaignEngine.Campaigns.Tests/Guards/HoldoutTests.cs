using CampaignEngine.Guards;

namespace CampaignEngine.Campaigns.Tests.Guards;

public sealed class HoldoutTests
{
    [Fact]
    public void The_same_customer_is_always_in_or_out()
    {
        // Pinned values (computed independently from the FNV-1a definition): a change of hash would
        // silently reshuffle every shop's holdout between runs.
        Assert.Equal(72.7277, Holdout.Position("cycle-reminder", "tb_小王"), 6);
        Assert.Equal(72.3077, Holdout.Position("rfm-vip", "customer42"), 6);
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(5.0)]
    [InlineData(50.0)]
    public void The_held_out_share_matches_the_percentage(double percent)
    {
        var held = Enumerable.Range(0, 100_000).Count(i => Holdout.IsHeldOut("rfm-vip", $"customer{i}", percent));

        Assert.InRange(held / 1000.0, percent - 0.5, percent + 0.5);
    }

    [Fact]
    public void Each_campaign_holds_out_other_customers()
    {
        var a = Enumerable.Range(0, 10_000).Where(i => Holdout.IsHeldOut("a", $"c{i}", 10)).ToHashSet();
        var b = Enumerable.Range(0, 10_000).Where(i => Holdout.IsHeldOut("b", $"c{i}", 10)).ToHashSet();

        // Independent draws overlap in about 10% of 10%.
        Assert.InRange(a.Intersect(b).Count(), 50, 150);
    }

    [Fact]
    public void Ids_are_not_confused_by_where_they_are_split()
        => Assert.NotEqual(Holdout.Position("ab", "c"), Holdout.Position("a", "bc"));

    [Fact]
    public void Zero_percent_holds_out_nobody_and_hundred_everybody()
    {
        Assert.DoesNotContain(Enumerable.Range(0, 1000), i => Holdout.IsHeldOut("a", $"c{i}", 0));
        Assert.All(Enumerable.Range(0, 1000), i => Assert.True(Holdout.IsHeldOut("a", $"c{i}", 100)));
    }

    [Fact]
    public void Long_ids_hash_too()
        => Assert.InRange(Holdout.Position(new string('活', 300), new string('x', 1000)), 0, 100);
}
