using System.Runtime.CompilerServices;
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

    // The dry-run's store counts every window in one pass over the customer's contacts, by row.
    private readonly SimulatedContactHistory? byRow = history as SimulatedContactHistory;

    // A long dry-run suppresses millions of sends by cap, with only a few distinct reasons: share them. A cap's
    // reasons by the count found (which is the cap's count or just above) are an array, found once per run for
    // a campaign cap; the dictionary takes the rare higher counts.
    private readonly Dictionary<ReasonKey, Suppression> reasons = new(new ReasonKeyComparer());
    private readonly Dictionary<FrequencyCap, Suppression?[]> campaignReasons = new(ReferenceEqualityComparer.Instance);
    private readonly Suppression?[][] globalReasons = [.. globalCaps.Select(ReasonsByCount)];

    public Suppression? Check(string campaign, FrequencyCap? campaignCap, string customerId, DateTimeOffset at)
        => Check(WindowsAt(campaign, campaignCap, at), customerId);

    /// <summary>Where every cap's window starts for sends at <paramref name="at"/>: the same for every customer of a campaign's run, so worked out once per run.</summary>
    public CapWindows WindowsAt(string campaign, FrequencyCap? campaignCap, DateTimeOffset at)
        => new(campaign, byRow?.CampaignId(campaign) ?? -1, campaignCap, campaignCap is null ? default : CapWindow.Start(campaignCap, at, zone),
            [.. globalCaps.Select(cap => CapWindow.Start(cap, at, zone))], CapWindow.End(at))
        {
            CampaignReasons = campaignCap is null ? [] : CampaignReasonsOf(campaignCap),
        };

    private Suppression?[] CampaignReasonsOf(FrequencyCap cap)
    {
        if (!campaignReasons.TryGetValue(cap, out var byCount))
        {
            campaignReasons[cap] = byCount = ReasonsByCount(cap);
        }

        return byCount;
    }

    private static Suppression?[] ReasonsByCount(FrequencyCap cap) => new Suppression?[cap.Count + 8];

    public Suppression? Check(CapWindows windows, string customerId, int customerRow = -1)
    {
        if (byRow is not null && byRow.KnowsRow(customerRow))
        {
            return CheckByRow(windows, customerRow);
        }

        if (windows.CampaignCap is { } campaignCap)
        {
            var sent = history.CountContacts(customerId, windows.CampaignStart, windows.End, windows.Campaign, customerRow);
            if (sent >= campaignCap.Count)
            {
                return Reason(campaignCap, false, sent, windows.CampaignReasons);
            }
        }

        for (var i = 0; i < globalCaps.Count; i++)
        {
            var sent = history.CountContacts(customerId, windows.GlobalStarts[i], windows.End, null, customerRow);
            if (sent >= globalCaps[i].Count)
            {
                return Reason(globalCaps[i], true, sent, globalReasons[i]);
            }
        }

        return null;
    }

    private Suppression? CheckByRow(CapWindows windows, int row)
    {
        Span<int> globalSent = stackalloc int[globalCaps.Count];
        var campaignFrom = windows.CampaignCap is null ? long.MaxValue : windows.CampaignStart.UtcTicks;
        byRow!.CountWindows(row, windows.CampaignId, campaignFrom, windows.GlobalStartTicks, windows.End.UtcTicks, out var campaignSent, globalSent);
        if (windows.CampaignCap is { } campaignCap && campaignSent >= campaignCap.Count)
        {
            return Reason(campaignCap, false, campaignSent, windows.CampaignReasons);
        }

        for (var i = 0; i < globalCaps.Count; i++)
        {
            if (globalSent[i] >= globalCaps[i].Count)
            {
                return Reason(globalCaps[i], true, globalSent[i], globalReasons[i]);
            }
        }

        return null;
    }

    private Suppression Reason(FrequencyCap cap, bool global, int sent, Suppression?[] byCount)
        => sent < byCount.Length ? byCount[sent] ??= Reason(cap, global, sent) : Reason(cap, global, sent);

    private Suppression Reason(FrequencyCap cap, bool global, int sent)
    {
        if (!reasons.TryGetValue(new ReasonKey(cap, global, sent), out var reason))
        {
            reason = global
                ? new Suppression(Name, "global_cap", $"{sent} message(s) from all campaigns already within '{cap.Text}'")
                : new Suppression(Name, "campaign_cap", $"{sent} message(s) of this campaign already within '{cap.Text}'");
            reasons[new ReasonKey(cap, global, sent)] = reason;
        }

        return reason;
    }

    private readonly record struct ReasonKey(FrequencyCap Cap, bool Global, int Sent);

    // Caps are a handful of objects for the whole run: compared by reference, not by their text (a record's equality).
    private sealed class ReasonKeyComparer : IEqualityComparer<ReasonKey>
    {
        public bool Equals(ReasonKey x, ReasonKey y) => ReferenceEquals(x.Cap, y.Cap) && x.Global == y.Global && x.Sent == y.Sent;

        public int GetHashCode(ReasonKey key) => HashCode.Combine(RuntimeHelpers.GetHashCode(key.Cap), key.Global, key.Sent);
    }
}

/// <summary>The cap windows of one campaign's send moment: the campaign cap's start, each global cap's start, and the common end.</summary>
internal sealed record CapWindows(string Campaign, short CampaignId, FrequencyCap? CampaignCap, DateTimeOffset CampaignStart, DateTimeOffset[] GlobalStarts, DateTimeOffset End)
{
    public long[] GlobalStartTicks { get; } = [.. GlobalStarts.Select(start => start.UtcTicks)];

    /// <summary>The campaign cap's reasons by count found, shared by every run of the campaign (see <see cref="FrequencyCapGuard"/>).</summary>
    internal Suppression?[] CampaignReasons { get; init; } = [];
}
