namespace CampaignEngine.Reports;

/// <summary>
/// Conversion of sent against holdout: the difference of two proportions (uplift) with Newcombe's 95%
/// hybrid score interval (method 10 of Newcombe 1998, built from each group's Wilson interval). Unlike the
/// textbook Wald interval it stays honest when a rate is 0 or close to it — common for a small holdout —
/// where Wald claims certainty it does not have. Groups under 30 get no verdict at all.
/// </summary>
internal static class OutcomeStatistics
{
    internal const int MinimumGroup = 30;
    private const double Z95 = 1.959963984540054;

    internal static Outcome Compare(GroupOutcome sent, GroupOutcome holdout)
    {
        long? revenuePerMessage = sent.Messages == 0 ? null : (long)Math.Round(sent.RevenueFen / (double)sent.Messages, MidpointRounding.AwayFromZero);
        if (sent.Messages == 0 || holdout.Messages == 0)
        {
            return new Outcome(sent, holdout, null, null, null, revenuePerMessage, OutcomeVerdict.TooFew);
        }

        var p1 = sent.Converted / (double)sent.Messages;
        var p2 = holdout.Converted / (double)holdout.Messages;
        var uplift = p1 - p2;
        var (l1, u1) = Wilson(sent.Converted, sent.Messages);
        var (l2, u2) = Wilson(holdout.Converted, holdout.Messages);
        var low = Round(uplift - Math.Sqrt(((p1 - l1) * (p1 - l1)) + ((u2 - p2) * (u2 - p2))));
        var high = Round(uplift + Math.Sqrt(((u1 - p1) * (u1 - p1)) + ((p2 - l2) * (p2 - l2))));
        var verdict = sent.Messages < MinimumGroup || holdout.Messages < MinimumGroup ? OutcomeVerdict.TooFew
            : low > 0 ? OutcomeVerdict.Positive
            : high < 0 ? OutcomeVerdict.Negative
            : OutcomeVerdict.Inconclusive;
        return new Outcome(sent, holdout, Round(uplift), low, high, revenuePerMessage, verdict);
    }

    /// <summary>The Wilson score interval of one proportion x/n at 95%.</summary>
    internal static (double Low, double High) Wilson(int converted, int messages)
    {
        var n = (double)messages;
        var p = converted / n;
        var z2 = Z95 * Z95;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = Z95 * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;
        return (centre - half, centre + half);
    }

    internal static GroupOutcome Group(int messages, int converted, long revenueFen)
        => new(messages, converted, messages == 0 ? null : Round(converted / (double)messages), revenueFen);

    /// <summary>Six decimals: enough for a rate, and the same text on every machine.</summary>
    private static double Round(double value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);
}
