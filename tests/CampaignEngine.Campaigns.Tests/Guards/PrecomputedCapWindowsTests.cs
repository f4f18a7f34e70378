using CampaignEngine.Campaigns.Limits;
using CampaignEngine.Evaluation;
using CampaignEngine.Guards;
using CampaignEngine.Orders;
using CampaignEngine.State;

namespace CampaignEngine.Campaigns.Tests.Guards;

/// <summary>
/// The dry-run's frequency check — cap windows worked out once per run's send moment, counted in the
/// simulated contact history — suppresses exactly what the per-call check over the in-memory history does.
/// </summary>
public sealed class PrecomputedCapWindowsTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset Start = new(2026, 1, 26, 9, 0, 0, TimeSpan.FromHours(8)); // a Monday, near month end

    private static FrequencyCap Cap(string text) => LimitParser.ParseCap(text)!;

    /// <summary>Customers c0 … c19 are rows of the order history (counted by row in one pass), c20 … c29 are not (counted by id).</summary>
    [Fact]
    public void Windows_worked_out_once_per_moment_suppress_as_the_per_call_check_does()
    {
        var random = new Random(42);
        string[] campaigns = ["a", "b", "c"];
        var customers = Enumerable.Range(0, 30).Select(i => $"c{i}").ToArray();
        var shop = new OrderHistoryBuilder();
        foreach (var customer in customers.Take(20))
        {
            shop.Customer(customer, new CustomerDetails(Name: customer));
        }

        var history = shop.Build();
        FrequencyCap?[] campaignCaps = [null, Cap("1 per 14d"), Cap("2 per week"), Cap("1 per day"), Cap("3 per month")];
        FrequencyCap[] globalCaps = [Cap("max 6 per 30d"), Cap("2 per day"), Cap("3 per week")];

        var reference = new InMemoryContactHistory();
        var simulated = new SimulatedContactHistory(history);
        var perCall = new FrequencyCapGuard(reference, globalCaps, Shanghai);
        var precomputed = new FrequencyCapGuard(simulated, globalCaps, Shanghai);
        var outcomes = new Dictionary<string, int>();

        // Runs every few hours for two months; each run checks every customer at the run's moment, at the
        // shop's midnights and week and month starts as well as in between, and records whom it let through.
        for (var at = Start; at < Start.AddDays(60); at = at.AddHours(random.Next(1, 20)))
        {
            var moment = random.Next(6) == 0 ? new DateTimeOffset(at.Date, at.Offset) : at;
            foreach (var campaign in campaigns)
            {
                var cap = campaignCaps[random.Next(campaignCaps.Length)];
                var windows = precomputed.WindowsAt(campaign, cap, moment);
                foreach (var customer in customers.Where(_ => random.Next(3) > 0))
                {
                    var expected = perCall.Check(campaign, cap, customer, moment);
                    var row = history.FindCustomer(customer);
                    Assert.Equal(expected, precomputed.Check(windows, customer, row));
                    var outcome = expected?.ReasonCode ?? "sent";
                    outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                    if (expected is null)
                    {
                        var contact = new Contact(campaign, "r", customer, "sms", moment, IdempotencyKeys.For(campaign, "r", customer, moment.ToString("O")));
                        Assert.True(reference.Record(contact));
                        Assert.True(row >= 0
                            ? simulated.Record(row, customer, moment.UtcTicks, IdempotencyKeys.Hash(campaign, "r", row, moment.ToString("O")), simulated.CampaignId(campaign), simulated.SourceId("r", "sms"))
                            : simulated.Record(contact));
                    }
                }
            }
        }

        // Both kinds of cap must have bitten, and sends gone through, or the comparison is empty.
        Assert.True(outcomes.GetValueOrDefault("sent") > 100, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault("campaign_cap") > 100, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault("global_cap") > 100, string.Join(", ", outcomes));
    }
}
