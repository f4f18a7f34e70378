namespace CampaignEngine.Campaigns.Limits;

/// <summary>The guards a campaign sets for itself under <c>limits:</c>; null where the campaign sets none.</summary>
public sealed record CampaignLimits(FrequencyCap? PerCustomer, QuietHours? QuietHours, Budget? Budget)
{
    public static CampaignLimits None { get; } = new(null, null, null);
}
