using CampaignEngine.Campaigns.Limits;
using CampaignEngine.Evaluation;
using CampaignEngine.State;

namespace CampaignEngine.Guards;

/// <summary>
/// Frequency caps: the campaign's own (<c>per_customer: 1 per 14d</c>, counting this campaign's sends)
/// and the engine-wide ones (<c>global_caps: [max 3 per 30d]</c>, counting every campaign's sends),
/// both read from the contact history, which in a dry-run holds the simulated sends too.
/// </summary>
internal sealed class FrequencyCapGuard(IContactHistory history, IReadOnlyList<FrequencyCap> globalCaps, TimeZoneInfo zone)
{
    public const string Name = "frequency_cap";

    public Suppression? Check(string campaign, FrequencyCap? campaignCap, string customerId, DateTimeOffset at)
    {
        if (campaignCap is not null)
        {
            var sent = history.ContactsOf(customerId, CapWindow.Start(campaignCap, at, zone), CapWindow.End(at)).Count(c => c.Campaign == campaign);
            if (sent >= campaignCap.Count)
            {
                return new Suppression(Name, "campaign_cap",
                    $"{sent} message(s) of this campaign already within '{campaignCap.Text}'");
            }
        }

        foreach (var cap in globalCaps)
        {
            var sent = history.ContactsOf(customerId, CapWindow.Start(cap, at, zone), CapWindow.End(at)).Count;
            if (sent >= cap.Count)
            {
                return new Suppression(Name, "global_cap", $"{sent} message(s) from all campaigns already within '{cap.Text}'");
            }
        }

        return null;
    }
}
