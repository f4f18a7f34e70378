using System.Globalization;
using CampaignEngine.Calendar;
using CampaignEngine.Campaigns;
using CampaignEngine.Evaluation.Tests.Support;
using CampaignEngine.Facts;
using CampaignEngine.Orders;
using CampaignEngine.State;

namespace CampaignEngine.Evaluation.Tests;

/// <summary>
/// Campaign files mutated at random — values swapped for odd ones (zero budgets, 100% holdout, caps and
/// quiet hours of every shape, offers, missing facts, events) and stray characters inserted — are loaded
/// and, when they load, evaluated over a small shop for a week: nothing throws, and every decision is a
/// send with a message or a suppression with a reason.
/// </summary>
public sealed class RandomizedTests
{
    private const int Rounds = 150;

    private static readonly string[] Schedules = ["daily 10:00", "daily 23:59", "weekly mon,sun 00:00", "monthly last 09:00", "0 */6 * * *", "每天 10:00", "daily 25:00"];
    private static readonly string[] Triggers = ["signed + 7d", "order_paid", "shipped + 1h", "arrived - 1d", "birthday - 3d", "holiday(\"中秋\") - 2d", "holiday(\"店庆\")", "签收后7天"];
    private static readonly string[] Conditions =
    [
        "frequency >= 1", "days_since_last > cycle * 1.5", "not known(cycle)", "monetary / frequency > 100", "tagged(\"vip\")",
        "last_contact_days < 3", "contacts_in(30d) >= 1", "days_to_birthday <= 3", "is_holiday(\"中秋\")", "rfm_segment == \"important_value\"",
        "frequency >= 1 or aov > 100000", "age between 18 and 30", "level == \"金卡\"", "true",
    ];
    private static readonly string[] Thens =
    [
        "send t", "send t via sms, wangwang", "send t via email", "send t with price = 1", "send t with discount = 0.01, category = \"连衣裙\"",
        "send t with discount = 5", "tag vip", "untag vip", "set level = \"金卡\"", "send t\n    then: tag vip",
    ];
    private static readonly string[] Limits =
    [
        "per_customer: 1 per 1h", "per_customer: 1 per day", "per_customer: 2 per week", "per_customer: 1 per month", "quiet_hours: \"00:00-23:59\"",
        "quiet_hours: \"09:00-21:00\"", "budget: 0.01", "budget:\n    daily: 0.05\n    total: 0.1", "per_customer: 每14天1次",
    ];
    private static readonly string[] Templates =
    [
        "\"【小店】{{ name }}回T退订\"", "\"{{ days_since_last | divided_by: 0 }}\"", "\"{{ shop }}{{ rule }}{{ customer_id }}\"", "\"\"",
        "\"{% if frequency > 2 %}老客{% else %}新客{% endif %}\"", "\"{{ 姓名 }}{{ 购买周期 }}{{ today }}{{ campaign }}\"",
        "\"" + new string('长', 300) + "\"",
    ];
    private static readonly string[] Stray = [":", "- ", "\n", "\"", "{{", "[", "#", "中", "0", "  "];

    [Fact]
    public void Mutated_campaigns_load_and_evaluate_without_an_exception()
    {
        var random = new Random(20261123);
        var history = Shop();
        var evaluated = 0;
        var errors = new Dictionary<string, int>();
        for (var round = 0; round < Rounds; round++)
        {
            var folder = Path.Combine(Path.GetTempPath(), "ce-eval-random-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                File.WriteAllText(Path.Combine(folder, "engine.yaml"), Pick(random, ["", Scenario.Engine, Scenario.Engine + "\nglobal_caps:\n  - 1 per day\n  - max 3 per 30d\n"]));
                var count = random.Next(1, 4);
                for (var c = 0; c < count; c++)
                {
                    File.WriteAllText(Path.Combine(folder, $"c{c}.yaml"), Campaign(random, c));
                }

                var set = CampaignLoader.Load(folder, BuiltInFacts.Schema(FestivalCalendar.Default));
                foreach (var d in set.Diagnostics.Where(d => d.IsError))
                {
                    errors[d.Message.Length > 60 ? d.Message[..60] : d.Message] = errors.GetValueOrDefault(d.Message.Length > 60 ? d.Message[..60] : d.Message) + 1;
                }

                if (set.Campaigns.Count == 0)
                {
                    continue;
                }

                evaluated++;
                // One to three moments a day, so a campaign due several times a day meets its own day's sends.
                var moments = Enumerable.Range(0, 7).SelectMany(day => Enumerable.Range(0, random.Next(1, 4))
                    .Select(_ => new DateTimeOffset(2026, 9, 20 + day, random.Next(0, 24), random.Next(0, 60), 0, TimeSpan.FromHours(8)))
                    .Order()).ToList();
                var inMemory = Decide(set, history, new InMemoryContactHistory(), moments);

                // The dry-run's store (asked by row and key hash, reading only recent contacts) decides the same.
                Assert.Equal(inMemory, Decide(set, history, new SimulatedContactHistory(history), moments));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        // Most rounds must reach the evaluator, or the test only exercises the loader.
        Assert.True(evaluated > Rounds / 3, $"only {evaluated} of {Rounds} rounds loaded; most frequent errors: " + string.Join(" | ", errors.OrderByDescending(e => e.Value).Take(8).Select(e => $"{e.Value}× {e.Key}")));
    }

    /// <summary>Every decision of the moments, checked to be a send with a message or a suppression with a reason, as text to compare.</summary>
    private static List<string> Decide(CampaignSet<FactTable> set, OrderHistory history, IContactHistory contacts, List<DateTimeOffset> moments)
    {
        var evaluator = new CampaignEvaluator(set.Campaigns, set.Config, history, contacts) { EventLookback = TimeSpan.FromDays(2) };
        var decisions = new List<string>();
        foreach (var moment in moments)
        {
            evaluator.Evaluate(moment, d =>
            {
                Assert.True(d.IsSend ? d.Channel is not null && d.Message is not null : d.Suppression!.Reason.Length > 0, d.ToString());
                decisions.Add($"{d.Campaign}/{d.Rule}/{d.CustomerId}/{d.Occurrence} {d.DecidedAt:O} {d.SendAt:O} {d.Channel} {d.Message?.Text} {d.CostFen} {d.Suppression}");
            });
        }

        return decisions;
    }

    private static string Campaign(Random random, int index)
    {
        var when = random.Next(4) == 0 ? $"on: {Pick(random, Triggers)}" : $"schedule: {Pick(random, Schedules)}";
        var limits = string.Join("\n  ", Enumerable.Range(0, random.Next(0, 3)).Select(_ => Pick(random, Limits)).DistinctBy(l => l.Split(':')[0]));
        var text = $"""
            campaign: c{index}
            name: 测试{index}
            {when}
            priority: {random.Next(0, 3).ToString(CultureInfo.InvariantCulture)}
            holdout: {Pick(random, ["0%", "10%", "100%", "50"])}
            audience: {Pick(random, Conditions)}
            channels: {Pick(random, ["[sms, wangwang]", "[email]", "[wangwang]", "[chat, sms]", "[短信]"])}
            {(limits.Length > 0 ? "limits:\n  " + limits : "")}
            templates:
              t:
                sms: {Pick(random, Templates)}
                wangwang: {Pick(random, Templates)}
                chat: {Pick(random, Templates)}
                email:
                  subject: "主题"
                  html: {Pick(random, Templates)}
            rules:
              - rule: r1
                priority: {random.Next(0, 20).ToString(CultureInfo.InvariantCulture)}
                when: {Pick(random, Conditions)}
                then: {Pick(random, Thens)}
              - rule: r2
                when: {Pick(random, Conditions)}
                then: {Pick(random, Thens)}
            """;
        if (random.Next(5) == 0)
        {
            var at = random.Next(text.Length);
            text = text[..at] + Pick(random, Stray) + text[at..];
        }

        return text;
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    /// <summary>Forty customers with every kind of gap: no phone, opted out, birthdays, orders with and without logistics around the test week.</summary>
    private static OrderHistory Shop()
    {
        var random = new Random(7);
        var shop = new OrderHistoryBuilder();
        for (var i = 0; i < 40; i++)
        {
            var id = "r" + i.ToString(CultureInfo.InvariantCulture);
            shop.Customer(id, new CustomerDetails(
                Name: i % 7 == 0 ? null : "客" + i,
                Phone: i % 3 == 0 ? null : "1380000" + i.ToString("0000", CultureInfo.InvariantCulture),
                Email: i % 4 == 0 ? $"{id}@shop.example" : null,
                Group: i % 5 == 0 ? "G1" : null,
                Birthday: i % 2 == 0 ? new DateOnly(1990 + i, 9, 1 + i % 28) : null,
                Level: i % 6 == 0 ? "金卡" : null,
                Tags: i % 8 == 0 ? ["vip"] : null,
                OptOut: (OptOut)(i % 9 == 0 ? 15 : i % 5)));
            for (var o = 0; o < i % 5; o++)
            {
                var paid = new DateTime(2026, 9, 26, 9, 0, 0).AddHours(-random.Next(0, 24 * 120));
                shop.Order($"{id}-{o}", id, paid, 10m + random.Next(0, 500), (OrderStatus)random.Next(0, 4),
                    paid.AddHours(20), random.Next(2) == 0 ? paid.AddHours(50) : null, random.Next(2) == 0 ? paid.AddHours(80) : null,
                    new OrderLine(Pick(random, ["连衣裙", "外套"]), null, random.Next(1, 3), 10m + random.Next(0, 300)));
            }
        }

        return shop.Build();
    }
}
