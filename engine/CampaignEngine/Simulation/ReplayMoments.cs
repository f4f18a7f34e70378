using CampaignEngine.Campaigns;
using CampaignEngine.Facts;

namespace CampaignEngine.Simulation;

/// <summary>
/// The moments of one shop day at which the replay asks the evaluator: every scheduled campaign's due
/// moment, and — when any campaign answers customer events — a sweep every <c>eventStep</c> (on the hour
/// by default), so an event is decided within one step after it happened, with the facts of that moment.
/// </summary>
internal sealed class ReplayMoments(IReadOnlyList<Campaign<FactTable>> campaigns, TimeZoneInfo zone, TimeSpan eventStep)
{
    private readonly bool _hasEvents = campaigns.Any(c => c.Enabled && c.Trigger is not null);

    public IReadOnlyList<DateTimeOffset> Of(DateOnly day)
    {
        var start = Campaigns.Schedules.ShopTime.ToMoment(day, TimeOnly.MinValue, zone);
        var end = Campaigns.Schedules.ShopTime.ToMoment(day.AddDays(1), TimeOnly.MinValue, zone);
        var moments = new SortedSet<DateTimeOffset>();
        foreach (var campaign in campaigns)
        {
            if (campaign is { Enabled: true, Schedule: { } schedule })
            {
                foreach (var due in schedule.DueMoments(start, end, zone))
                {
                    moments.Add(due);
                }
            }
        }

        if (_hasEvents)
        {
            for (var at = start + eventStep; at < end; at += eventStep)
            {
                moments.Add(at);
            }
        }

        return [.. moments];
    }
}
