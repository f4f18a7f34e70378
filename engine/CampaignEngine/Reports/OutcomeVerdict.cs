namespace CampaignEngine.Reports;

/// <summary>The verdicts a report can reach about a campaign's effect, with their sentences in both languages.</summary>
public static class OutcomeVerdict
{
    /// <summary>Fewer than <see cref="OutcomeStatistics.MinimumGroup"/> messages in the sent or the holdout group.</summary>
    public const string TooFew = "not_enough_evidence_small_sample";

    /// <summary>The 95% interval of the uplift includes 0: the data cannot tell an effect from chance.</summary>
    public const string Inconclusive = "not_enough_evidence";

    public const string Positive = "sent_bought_more";

    public const string Negative = "sent_bought_less";

    internal static string English(string verdict) => verdict switch
    {
        TooFew => "Not enough evidence: fewer than 30 messages in the sent or the holdout group.",
        Inconclusive => "Not enough evidence: the 95% interval includes zero, so the difference may be chance.",
        Positive => "Contacted customers bought more than the holdout (95% interval above zero).",
        _ => "Contacted customers bought less than the holdout (95% interval below zero).",
    };

    internal static string Chinese(string verdict) => verdict switch
    {
        TooFew => "证据不足:发送组或对照组少于30条,无法下结论。",
        Inconclusive => "证据不足:95%置信区间包含0,差异可能只是偶然。",
        Positive => "被联系的客户比对照组买得更多(95%置信区间高于0)。",
        _ => "被联系的客户比对照组买得更少(95%置信区间低于0)。",
    };
}
