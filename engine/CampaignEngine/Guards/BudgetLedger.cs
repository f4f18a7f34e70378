using CampaignEngine.Campaigns.Limits;
using CampaignEngine.Evaluation;

namespace CampaignEngine.Guards;

/// <summary>
/// What each campaign has spent, per shop day and in total, in integer fen (no rounding drift over a
/// year of sends). A send that would pass the daily or total budget is suppressed; the campaign stops
/// spending for that day, the next day starts afresh.
/// </summary>
internal sealed class BudgetLedger(Func<string, DateOnly, long>? spentEarlier = null)
{
    public const string Name = "budget";

    private readonly Dictionary<(string Campaign, DateOnly Day), long> daily = [];
    private readonly Dictionary<(string Campaign, DateOnly Day), long> earlier = [];
    private readonly Dictionary<string, long> total = new(StringComparer.Ordinal);

    /// <summary>Spent on the day: by earlier runs (a live run's state store, read once per campaign and day) plus this ledger's sends.</summary>
    public long SpentOn(string campaign, DateOnly day) => SpentEarlier(campaign, day) + daily.GetValueOrDefault((campaign, day));

    public long SpentInTotal(string campaign) => total.GetValueOrDefault(campaign);

    /// <summary>Why the cost would break the budget, or null when it fits; records nothing (later guards may still stop the send).</summary>
    public Suppression? Check(string campaign, Budget? budget, DateOnly day, long costFen)
    {
        var today = SpentOn(campaign, day);
        var all = SpentInTotal(campaign);
        if (budget?.Daily is { } dailyYuan && today + costFen > ToFen(dailyYuan))
        {
            return new Suppression(Name, "daily_budget", $"budget exhausted: today's budget of ¥{dailyYuan} is spent (¥{today / 100m} so far)");
        }

        if (budget?.Total is { } totalYuan && all + costFen > ToFen(totalYuan))
        {
            return new Suppression(Name, "total_budget", $"budget exhausted: the campaign's budget of ¥{totalYuan} is spent (¥{all / 100m} so far)");
        }

        return null;
    }

    /// <summary>Records the cost if the budget allows it; otherwise returns why not and records nothing.</summary>
    public Suppression? TrySpend(string campaign, Budget? budget, DateOnly day, long costFen)
    {
        var stop = Check(campaign, budget, day, costFen);
        if (stop is null)
        {
            Spend(campaign, day, costFen);
        }

        return stop;
    }

    /// <summary>Records the cost of a send that went out.</summary>
    public void Spend(string campaign, DateOnly day, long costFen)
    {
        daily[(campaign, day)] = daily.GetValueOrDefault((campaign, day)) + costFen;
        total[campaign] = SpentInTotal(campaign) + costFen;
    }

    private long SpentEarlier(string campaign, DateOnly day)
    {
        if (spentEarlier is null)
        {
            return 0;
        }

        if (!earlier.TryGetValue((campaign, day), out var spent))
        {
            spent = spentEarlier(campaign, day);
            earlier[(campaign, day)] = spent;
        }

        return spent;
    }

    private static long ToFen(decimal yuan) => (long)decimal.Round(yuan * 100m, MidpointRounding.AwayFromZero);
}
