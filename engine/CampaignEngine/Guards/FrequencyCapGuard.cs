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

    // A long dry-run suppresses millions of sends by cap, with only a few distinct reasons: share them.
    private readonly Dictionary<(FrequencyCap Cap, bool Global, int Sent), Suppression> reasons = new();

    public Suppression? Check(string campaign, FrequencyCap? campaignCap, string customerId, DateTimeOffset at)
        => Check(campaign, WindowsAt(campaignCap, at), customerId);

    /// <summary>Where every cap's window starts for sends at <paramref name="at"/>: the same for every customer of a campaign's run, so worked out once per run.</summary>
    public CapWindows WindowsAt(FrequencyCap? campaignCap, DateTimeOffset at)
        => new(campaignCap, campaignCap is null ? default : CapWindow.Start(campaignCap, at, zone),
            [.. globalCaps.Select(cap => CapWindow.Start(cap, at, zone))], CapWindow.End(at));

    public Suppression? Check(string campaign, CapWindows windows, string customerId, int customerRow = -1)
    {
        if (windows.CampaignCap is { } campaignCap)
        {
            var sent = history.CountContacts(customerId, windows.CampaignStart, windows.End, campaign, customerRow);
            if (sent >= campaignCap.Count)
            {
                return Reason(campaignCap, false, sent);
            }
        }

        for (var i = 0; i < globalCaps.Count; i++)
        {
            var sent = history.CountContacts(customerId, windows.GlobalStarts[i], windows.End, null, customerRow);
            if (sent >= globalCaps[i].Count)
            {
                return Reason(globalCaps[i], true, sent);
            }
        }

        return null;
    }

    private Suppression Reason(FrequencyCap cap, bool global, int sent)
    {
        if (!reasons.TryGetValue((cap, global, sent), out var reason))
        {
            reason = global
                ? new Suppression(Name, "global_cap", $"{sent} message(s) from all campaigns already within '{cap.Text}'")
                : new Suppression(Name, "campaign_cap", $"{sent} message(s) of this campaign already within '{cap.Text}'");
            reasons[(cap, global, sent)] = reason;
        }

        return reason;
    }
}

/// <summary>The cap windows of one send moment: the campaign cap's start, each global cap's start, and the common end.</summary>
internal sealed record CapWindows(FrequencyCap? CampaignCap, DateTimeOffset CampaignStart, DateTimeOffset[] GlobalStarts, DateTimeOffset End);
