using CampaignEngine.Evaluation;
using CampaignEngine.Reports;

namespace CampaignEngine.Simulation.Tests.Reports;

/// <summary>A small, hand-made set of decisions over three days, and a builder over it with fixed outcomes.</summary>
internal static class SampleDecisions
{
    internal static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    internal static DateTimeOffset At(int day, int hour) => new(2026, 3, day, hour, 0, 0, TimeSpan.FromHours(8));

    internal static Decision Send(string campaign, string rule, string customer, int day, string channel, long costFen, string text = "您好,回T退订")
        => new(campaign, rule, customer, $"2026-03-{day:00}", At(day, 10), At(day, 10), channel, "t", new RenderedMessage(customer, text), costFen, null);

    internal static Decision Suppressed(string campaign, string rule, string customer, int day, string guard, string code)
        => new(campaign, rule, customer, $"2026-03-{day:00}", At(day, 10), At(day, 10), "sms", "t", null, 0, new Suppression(guard, code, $"{guard}: {code}"));

    internal static List<Decision> All() =>
    [
        Send("care", "signed", "alice", 1, "wangwang", 0),
        Send("care", "signed", "bob", 1, "sms", 5, "含逗号,和\"引号\"的短信"),
        Send("promo", "vip", "alice", 2, "sms", 5),
        Send("promo", "vip", "carol", 3, "sms", 10),
        Suppressed("promo", "vip", "dave", 2, "holdout", "holdout"),
        Suppressed("promo", "vip", "erin", 3, "frequency_cap", "global_cap"),
        Suppressed("care", "signed", "erin", 3, "opt_out", "opted_out_sms"),
    ];

    /// <summary>alice and dave bought after their day; nobody else did.</summary>
    internal static PurchaseOutcome Outcome(string customer, DateTimeOffset at)
        => customer is "alice" or "dave" ? new PurchaseOutcome(true, 12_300) : default;

    private static readonly string[] Customers = ["alice", "bob", "carol", "dave", "erin"];

    internal static ReportBuilder Builder(IEnumerable<Decision> decisions, ReportCsv? csv = null)
    {
        var builder = NewBuilder(csv);
        foreach (var d in decisions)
        {
            builder.Add(d);
        }

        return builder;
    }

    /// <summary>An empty builder over the three days; <paramref name="outcome"/> replaces the fixed outcomes.</summary>
    internal static ReportBuilder NewBuilder(ReportCsv? csv = null, Func<string, DateTimeOffset, PurchaseOutcome>? outcome = null)
    {
        outcome ??= Outcome;
        return new ReportBuilder(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 3), 7, Shanghai,
            [new CampaignInfo("promo", "会员促销", 10m, null), new CampaignInfo("care", "关怀", null, 0.05m, HasHoldout: false)], (row, at) => outcome(Customers[row], at),
            id => Array.IndexOf(Customers, id), csv);
    }

    /// <summary>
    /// <paramref name="count"/> decisions over the three days in time order, one in four held back; each
    /// send's text carries its number, so rows out of order or missing change the CSV.
    /// </summary>
    internal static IEnumerable<Decision> Many(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var customer = Customers[i % Customers.Length];
            var day = 1 + (int)(3L * i / count);
            yield return (i % 4) switch
            {
                0 => Suppressed("promo", "vip", customer, day, i % 8 == 0 ? "holdout" : "frequency_cap", i % 8 == 0 ? "holdout" : "global_cap"),
                1 => Send("care", "signed", customer, day, "wangwang", 0, $"第{i}条,您的包裹已签收"),
                _ => Send("promo", "vip", customer, day, "sms", 5 + (i % 3), $"会员日 #{i}, 回T退订"),
            };
        }
    }
}
