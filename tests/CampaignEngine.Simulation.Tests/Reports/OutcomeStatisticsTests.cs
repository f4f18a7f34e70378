using CampaignEngine.Reports;

namespace CampaignEngine.Simulation.Tests.Reports;

public sealed class OutcomeStatisticsTests
{
    [Fact]
    public void Uplift_and_its_Newcombe_interval_match_the_hand_computation()
    {
        // 30% of 200 vs 20% of 200: Wilson intervals [.2405, .3671] and [.1492, .2626]; Newcombe [.015063, .183162].
        var outcome = OutcomeStatistics.Compare(OutcomeStatistics.Group(200, 60, 600_000), OutcomeStatistics.Group(200, 40, 0));

        Assert.Equal(0.1, outcome.Uplift!.Value, 6);
        Assert.Equal(0.015063, outcome.UpliftLow!.Value, 5);
        Assert.Equal(0.183162, outcome.UpliftHigh!.Value, 5);
        Assert.Equal(3000, outcome.RevenuePerMessageFen);
        Assert.Equal(OutcomeVerdict.Positive, outcome.Verdict);
    }

    [Fact]
    public void An_interval_that_spans_zero_is_not_enough_evidence()
    {
        var outcome = OutcomeStatistics.Compare(OutcomeStatistics.Group(100, 22, 0), OutcomeStatistics.Group(100, 20, 0));

        Assert.True(outcome.UpliftLow < 0 && outcome.UpliftHigh > 0);
        Assert.Equal(OutcomeVerdict.Inconclusive, outcome.Verdict);
    }

    [Fact]
    public void A_holdout_with_no_conversions_does_not_make_a_tiny_uplift_certain()
    {
        // 6 of 505 sent vs 0 of 163 held out: Wald would say [+0.2, +2.1] pp; Newcombe spans zero.
        var outcome = OutcomeStatistics.Compare(OutcomeStatistics.Group(505, 6, 0), OutcomeStatistics.Group(163, 0, 0));

        Assert.Equal(-0.012023, outcome.UpliftLow!.Value, 5);
        Assert.Equal(0.025676, outcome.UpliftHigh!.Value, 5);
        Assert.Equal(OutcomeVerdict.Inconclusive, outcome.Verdict);
    }

    [Fact]
    public void A_clearly_worse_campaign_is_called_negative()
    {
        var outcome = OutcomeStatistics.Compare(OutcomeStatistics.Group(500, 50, 0), OutcomeStatistics.Group(500, 150, 0));

        Assert.Equal(OutcomeVerdict.Negative, outcome.Verdict);
    }

    [Theory]
    [InlineData(29, 100)]
    [InlineData(100, 29)]
    [InlineData(100, 0)]
    public void Fewer_than_30_in_a_group_gives_no_verdict(int sent, int holdout)
    {
        // Even a huge difference is not called when a group is this small.
        var outcome = OutcomeStatistics.Compare(OutcomeStatistics.Group(sent, sent, 0), OutcomeStatistics.Group(holdout, 0, 0));

        Assert.Equal(OutcomeVerdict.TooFew, outcome.Verdict);
    }
}
