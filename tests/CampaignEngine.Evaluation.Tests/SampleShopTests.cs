using CampaignEngine.Evaluation.Tests.Support;
using CampaignEngine.Guards;
using CampaignEngine.State;

namespace CampaignEngine.Evaluation.Tests;

/// <summary>
/// The shipped campaigns on the shipped sample shop, with expectations computed here from the CSV rows
/// (paid orders, their days, the purchase cycle), not by the engine.
/// </summary>
public sealed class SampleShopTests
{
    private sealed record Buyer(string Id, string Name, string OptOut, string Phone, List<DateOnly> OrderDays)
    {
        public double Cycle => OrderDays.Count < 2 ? double.NaN : (OrderDays[^1].DayNumber - OrderDays[0].DayNumber) / (double)(OrderDays.Count - 1);
    }

    private static readonly Lazy<List<Buyer>> Buyers = new(() =>
    {
        var orders = ExportRows.Read(Path.Combine(ShippedShop.DataDirectory, "orders.csv"));
        var customers = ExportRows.Read(Path.Combine(ShippedShop.DataDirectory, "customers.csv"));
        // One row per item: the order is the 订单编号; refunded (退款成功) and closed (交易关闭) orders do not count.
        var paidDays = orders
            .Where(o => o["订单状态"] is not ("退款成功" or "交易关闭"))
            .GroupBy(o => o["订单编号"])
            .Select(g => (Customer: g.First()["买家会员名"], Day: DateOnly.FromDateTime(ExportRows.Time(g.First()["付款时间"]))))
            .ToLookup(o => o.Customer, o => o.Day);
        return [.. customers.Select(c => new Buyer(c["买家会员名"], c["姓名"], c["退订"], c["手机号"],
            [.. paidDays[c["买家会员名"]].Distinct().Order()]))];
    });

    /// <summary>A moment at which the buyer's own cycle has come due (days since last ≥ cycle, &lt; cycle + 7), at the daily 10:00 run, not a Tuesday (the RFM campaign's day).</summary>
    private static DateTimeOffset DueMoment(Buyer buyer)
    {
        var day = buyer.OrderDays[^1].AddDays((int)Math.Ceiling(buyer.Cycle));
        if (day.DayOfWeek == DayOfWeek.Tuesday)
        {
            day = day.AddDays(1);
        }

        return new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
    }

    private static IReadOnlyList<Decision> EvaluateAt(DateTimeOffset moment)
    {
        var set = ShippedShop.Campaigns;
        Assert.False(set.HasErrors, string.Join("\n", set.Diagnostics.Where(d => d.IsError)));
        return new CampaignEvaluator(set.Campaigns, set.Config, ShippedShop.History, new InMemoryContactHistory()).Evaluate(moment);
    }

    public static TheoryData<int> Picks => [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(Picks))]
    public void A_repeat_buyer_whose_cycle_comes_due_gets_the_cycle_reminder(int pick)
    {
        // Customers with a cycle long enough that no other campaign of the folder competes on the day.
        var buyer = Buyers.Value.Where(b => b.OrderDays.Count >= 3 && b.Cycle > 30 && b.OptOut.Length == 0).Skip(pick * 7).First();
        var moment = DueMoment(buyer);
        var daysSinceLast = DateOnly.FromDateTime(moment.DateTime).DayNumber - buyer.OrderDays[^1].DayNumber;
        Assert.True(daysSinceLast >= buyer.Cycle && daysSinceLast < buyer.Cycle + 7, "the test's own pick");

        var decision = Assert.Single(EvaluateAt(moment), d => d.CustomerId == buyer.Id && d.Campaign == "cycle-reminder");

        Assert.Equal(("cycle_due", moment.ToString("yyyy-MM-dd")), (decision.Rule, decision.Occurrence));
        Assert.Equal(Holdout.IsHeldOut("cycle-reminder", buyer.Id, 10) ? "holdout" : null, decision.Suppression?.Guard);
        Assert.Equal("wangwang", decision.Channel);
        Assert.Equal($"{buyer.Name}您好~距您上次下单已经{daysSinceLast}天啦,按您的习惯该补货了,老客回购有专属优惠哦", decision.Message!.Text);
    }

    [Fact]
    public void A_buyer_who_opted_out_of_everything_is_suppressed_with_the_reason()
    {
        var buyer = Buyers.Value.First(b => b.OrderDays.Count >= 3 && b.Cycle > 30 && b.OptOut == "全部");

        var decision = Assert.Single(EvaluateAt(DueMoment(buyer)), d => d.CustomerId == buyer.Id && d.Campaign == "cycle-reminder");

        Assert.Equal(("opt_out", "opted_out"), (decision.Suppression?.Guard, decision.Suppression?.ReasonCode));
    }

    [Fact]
    public void A_buyer_who_opted_out_of_wangwang_gets_the_sms_text()
    {
        var buyer = Buyers.Value.First(b => b.OrderDays.Count >= 3 && b.Cycle > 30 && b.OptOut == "wangwang" && b.Phone.Length > 0);

        var decision = Assert.Single(EvaluateAt(DueMoment(buyer)), d => d.CustomerId == buyer.Id && d.Campaign == "cycle-reminder");

        Assert.Equal(("sms", buyer.Phone), (decision.Channel, decision.Message!.Address));
        Assert.Equal($"【小满生活馆】{buyer.Name}您好,您常买的宝贝该补货啦,老客专享回购价等您,回T退订", decision.Message.Text);
        Assert.Equal(5, decision.CostFen);
    }

    [Fact]
    public void A_one_time_buyer_gets_no_cycle_reminder()
    {
        var buyer = Buyers.Value.First(b => b.OrderDays.Count == 1);
        var moment = new DateTimeOffset(buyer.OrderDays[0].AddDays(40).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));

        Assert.DoesNotContain(EvaluateAt(moment), d => d.CustomerId == buyer.Id && d.Campaign == "cycle-reminder");
    }

    [Fact]
    public void Every_decision_of_a_day_has_a_reason_or_is_a_send_and_keys_are_unique()
    {
        var decisions = EvaluateAt(new DateTimeOffset(2025, 6, 10, 10, 0, 0, TimeSpan.FromHours(8)));

        Assert.NotEmpty(decisions);
        Assert.All(decisions, d => Assert.True(d.IsSend ? d.Message is not null && d.Channel is not null : d.Suppression!.ReasonCode.Length > 0));
        Assert.Equal(decisions.Count, decisions.Select(d => d.IdempotencyKey).Distinct().Count());
    }
}
