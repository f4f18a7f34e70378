using CampaignEngine.Calendar;
using CampaignEngine.Campaigns;
using CampaignEngine.Facts;
using CampaignEngine.Orders;
using CampaignEngine.State;

namespace CampaignEngine.Evaluation.Tests.Support;

/// <summary>
/// A small shop of the test's own: campaign files written to a temporary folder and loaded by the real
/// loader, customers and orders built in memory, and an evaluator over both with an in-memory contact history.
/// </summary>
internal sealed class Scenario : IDisposable
{
    public const string Engine = """
        shop:
          name: 小店
        time_zone: Asia/Shanghai
        channels:
          sms:
            price_fen: 5
        """;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "ce-eval-" + Guid.NewGuid().ToString("N"));

    public Scenario(string engineYaml = Engine)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "engine.yaml"), engineYaml);
    }

    public OrderHistoryBuilder Shop { get; } = new();

    public InMemoryContactHistory Contacts { get; } = new();

    public Scenario Campaign(string id, string yaml)
    {
        File.WriteAllText(Path.Combine(folder, id + ".yaml"), yaml);
        return this;
    }

    public CampaignSet<FactTable> Load()
    {
        var set = CampaignLoader.Load(folder, BuiltInFacts.Schema(FestivalCalendar.Default));
        Assert.False(set.HasErrors, string.Join(Environment.NewLine, set.Diagnostics.Where(d => d.IsError)));
        return set;
    }

    public CampaignEvaluator Evaluator(TimeSpan? lookback = null)
    {
        var set = Load();
        return new CampaignEvaluator(set.Campaigns, set.Config, Shop.Build(), Contacts) { EventLookback = lookback ?? TimeSpan.FromDays(1) };
    }

    /// <summary>Shop time (Asia/Shanghai, UTC+8).</summary>
    public static DateTimeOffset At(int month, int day, int hour = 10, int minute = 0, int year = 2026)
        => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    /// <summary>A minimal scheduled campaign: one rule sending one template, optional extra top-level YAML.</summary>
    public static string Daily(string id, string when = "frequency >= 1", string channels = "[sms]", string extra = "", string then = "send t",
        string schedule = "daily 10:00", string template = "\"【小店】{{ name }}您好,回T退订\"")
        => $"""
            campaign: {id}
            name: {id}
            schedule: {schedule}
            channels: {channels}
            {extra}
            templates:
              t:
                sms: {template}
                wangwang: {template}
                email:
                  subject: "hi"
                  html: "<p>{"{{ name }}"}</p>"
            rules:
              - rule: r
                when: {when}
                then: {then}
            """;

    /// <summary>A customer with details and one signed order paid on <paramref name="paid"/>.</summary>
    public Scenario Buyer(string id, DateTime paid, string? phone = "13800000000", OptOut optOut = OptOut.None, string? email = null, string category = "连衣裙", decimal price = 100m)
    {
        Shop.Customer(id, new CustomerDetails(Name: "客" + id, Phone: phone, Email: email, OptOut: optOut));
        Shop.Order("O-" + id + "-" + paid.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture), id, paid, price, OrderStatus.Signed,
            paid.AddDays(1), paid.AddDays(2), paid.AddDays(3), new OrderLine(category, null, 1, price));
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
