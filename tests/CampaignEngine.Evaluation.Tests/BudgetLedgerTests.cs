using CampaignEngine.Campaigns.Limits;
using CampaignEngine.Guards;

namespace CampaignEngine.Evaluation.Tests;

/// <summary>The budget ledger counts what earlier live runs spent on the same day, once, and never twice.</summary>
public sealed class BudgetLedgerTests
{
    private static readonly DateOnly Day = new(2026, 3, 1);
    private static readonly Budget FiveYuanADay = new(5m, null);

    [Fact]
    public void Spend_of_earlier_runs_counts_against_the_daily_budget()
    {
        var ledger = new BudgetLedger((campaign, day) => campaign == "c" && day == Day ? 450 : 0);

        Assert.Null(ledger.TrySpend("c", FiveYuanADay, Day, 50));
        var stop = ledger.TrySpend("c", FiveYuanADay, Day, 1);

        Assert.Equal("daily_budget", stop?.ReasonCode);
        Assert.Equal(500, ledger.SpentOn("c", Day));
    }

    [Fact]
    public void Earlier_spend_of_another_day_or_campaign_does_not_count()
    {
        var ledger = new BudgetLedger((campaign, day) => campaign == "c" && day == Day ? 500 : 0);

        Assert.Null(ledger.TrySpend("c", FiveYuanADay, Day.AddDays(1), 500));
        Assert.Null(ledger.TrySpend("other", FiveYuanADay, Day, 500));
        Assert.NotNull(ledger.TrySpend("c", FiveYuanADay, Day, 1));
    }

    [Fact]
    public void The_state_store_is_asked_once_per_campaign_and_day()
    {
        var asked = 0;
        var ledger = new BudgetLedger((_, _) => { asked++; return 100; });

        for (var i = 0; i < 5; i++)
        {
            ledger.TrySpend("c", FiveYuanADay, Day, 10);
        }

        Assert.Equal(1, asked);
        Assert.Equal(150, ledger.SpentOn("c", Day));
    }
}
