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

    private readonly Dictionary<(string Campaign, DateOnly Day), BudgetAccount> days = [];
    private readonly Dictionary<string, BudgetAccount.Total> totals = new(StringComparer.Ordinal);

    /// <summary>
    /// The campaign's account for the shop day: what earlier runs spent on it (a live run's state store,
    /// read once per campaign and day), this ledger's sends that day and in total. An evaluator takes it
    /// once per campaign run and checks every send of the run against it without a look-up.
    /// </summary>
    public BudgetAccount AccountOf(string campaign, DateOnly day)
    {
        if (!days.TryGetValue((campaign, day), out var account))
        {
            if (!totals.TryGetValue(campaign, out var total))
            {
                totals[campaign] = total = new BudgetAccount.Total();
            }

            account = new BudgetAccount(spentEarlier?.Invoke(campaign, day) ?? 0, total);
            days[(campaign, day)] = account;
        }

        return account;
    }

    /// <summary>Spent on the day: by earlier runs plus this ledger's sends.</summary>
    public long SpentOn(string campaign, DateOnly day) => AccountOf(campaign, day).SpentToday;

    public long SpentInTotal(string campaign) => totals.GetValueOrDefault(campaign)?.Spent ?? 0;

    /// <summary>Records the cost if the budget allows it; otherwise returns why not and records nothing.</summary>
    public Suppression? TrySpend(string campaign, Budget? budget, DateOnly day, long costFen)
    {
        var account = AccountOf(campaign, day);
        var stop = account.Check(budget, costFen);
        if (stop is null)
        {
            account.Spend(costFen);
        }

        return stop;
    }
}

/// <summary>One campaign's spending on one shop day, and its running total (shared by all its days).</summary>
internal sealed class BudgetAccount(long spentEarlier, BudgetAccount.Total total)
{
    private long spentHere;

    public long SpentToday => spentEarlier + spentHere;

    /// <summary>Why the cost would break the budget, or null when it fits; records nothing (later guards may still stop the send).</summary>
    public Suppression? Check(Budget? budget, long costFen)
    {
        if (budget?.Daily is { } dailyYuan && SpentToday + costFen > ToFen(dailyYuan))
        {
            return new Suppression(BudgetLedger.Name, "daily_budget", $"budget exhausted: today's budget of ¥{dailyYuan} is spent (¥{SpentToday / 100m} so far)");
        }

        if (budget?.Total is { } totalYuan && total.Spent + costFen > ToFen(totalYuan))
        {
            return new Suppression(BudgetLedger.Name, "total_budget", $"budget exhausted: the campaign's budget of ¥{totalYuan} is spent (¥{total.Spent / 100m} so far)");
        }

        return null;
    }

    /// <summary>Records the cost of a send that went out.</summary>
    public void Spend(long costFen)
    {
        spentHere += costFen;
        total.Spent += costFen;
    }

    private static long ToFen(decimal yuan) => (long)decimal.Round(yuan * 100m, MidpointRounding.AwayFromZero);

    /// <summary>A campaign's spending over all days.</summary>
    internal sealed class Total
    {
        public long Spent { get; set; }
    }
}
