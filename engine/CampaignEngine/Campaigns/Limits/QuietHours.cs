namespace CampaignEngine.Campaigns.Limits;

/// <summary>
/// No message goes out from <see cref="From"/> until <see cref="Until"/> (shop time); a range past midnight
/// (<c>21:00-09:00</c>) wraps. A send due inside is deferred to <see cref="Until"/>, never dropped.
/// </summary>
public sealed record QuietHours(TimeOnly From, TimeOnly Until, string Text)
{
    public bool Contains(TimeOnly time) => From < Until ? time >= From && time < Until : time >= From || time < Until;
}
