namespace CampaignEngine.Campaigns.Limits;

/// <summary>Money a campaign may spend on messages, in yuan: per day (<c>budget: 500</c>) and/or in total.</summary>
public sealed record Budget(decimal? Daily, decimal? Total);
