namespace CampaignEngine.Plugins.Sdk;

/// <summary>
/// The cost of a message in integer fen (分), exact. <see cref="Units"/> is what the provider bills
/// (SMS segments, 1 for most channels).
/// </summary>
public sealed record CostEstimate(long Fen, int Units = 1)
{
    public static CostEstimate Free { get; } = new(0, 1);

    public decimal Yuan => Fen / 100m;
}
