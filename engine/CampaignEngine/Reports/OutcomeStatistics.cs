namespace CampaignEngine.Reports;

/// <summary>
/// Conversion of sent against holdout: the difference of two proportions with a 95% Wald interval
/// (p₁ − p₂ ± 1.96·√(p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂)). Wald is the interval marketers find in textbooks; it is
/// poor for tiny groups or rates near 0/1, which is why groups under 30 get no verdict at all.
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
        var se = Math.Sqrt((p1 * (1 - p1) / sent.Messages) + (p2 * (1 - p2) / holdout.Messages));
        var low = Round(uplift - (Z95 * se));
        var high = Round(uplift + (Z95 * se));
        var verdict = sent.Messages < MinimumGroup || holdout.Messages < MinimumGroup ? OutcomeVerdict.TooFew
            : low > 0 ? OutcomeVerdict.Positive
            : high < 0 ? OutcomeVerdict.Negative
            : OutcomeVerdict.Inconclusive;
        return new Outcome(sent, holdout, Round(uplift), low, high, revenuePerMessage, verdict);
    }

    internal static GroupOutcome Group(int messages, int converted, long revenueFen)
        => new(messages, converted, messages == 0 ? null : Round(converted / (double)messages), revenueFen);

    /// <summary>Six decimals: enough for a rate, and the same text on every machine.</summary>
    private static double Round(double value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);
}
