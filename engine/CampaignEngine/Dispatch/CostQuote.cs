using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Dispatch;

/// <summary>A channel's price for one message, or why it could not give one (the message then is not sent).</summary>
internal sealed record CostQuote(CostEstimate? Cost, string? Problem)
{
    public bool IsOk => Cost is not null;
}
