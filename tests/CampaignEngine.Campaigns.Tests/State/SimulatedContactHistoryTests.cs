using CampaignEngine.Evaluation;
using CampaignEngine.Orders;
using CampaignEngine.State;

namespace CampaignEngine.Campaigns.Tests.State;

/// <summary>
/// The dry-run's compact contact history answers every question exactly as the plain in-memory one (the
/// reference) does, over a random stream of sends: repeats, sends out of time order, sends at the same
/// moment, shop-local and UTC offsets, windows whose ends sit exactly on a send.
/// </summary>
public sealed class SimulatedContactHistoryTests
{
    private static readonly string[] Customers = ["c0", "c1", "c2", "c3", "c4", "顾客5", "c6"];
    private static readonly string[] Campaigns = ["cycle-reminder", "birthday", "rfm-vip"];
    private static readonly string[] Rules = ["remind", "vip", "greet"];
    private static readonly string[] Channels = ["sms", "email", "wangwang"];
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_random_stream_of_sends_reads_back_as_the_in_memory_history_reads_it(int seed)
    {
        var random = new Random(seed);
        var reference = new InMemoryContactHistory();
        var simulated = new SimulatedContactHistory();
        var sent = new List<Contact>();
        var refused = 0;
        for (var step = 0; step < 1_500; step++)
        {
            var contact = random.Next(10) == 0 && sent.Count > 0 ? Repeat(random, sent) : NewContact(random, sent);
            var recorded = reference.Record(contact);
            Assert.Equal(recorded, simulated.Record(contact));
            if (recorded)
            {
                sent.Add(contact);
            }
            else
            {
                refused++;
            }

            if (step % 25 == 0)
            {
                AssertSameAnswers(random, reference, simulated, sent);
            }
        }

        // The stream must hold repeats, and sends that arrived after later ones, or half of this proves nothing.
        Assert.InRange(refused, 100, 1_000);
        Assert.Contains(sent.Zip(sent.Skip(1)), pair => pair.Second.At < pair.First.At);
        AssertSameAnswers(random, reference, simulated, sent);
    }

    [Fact]
    public void A_customer_without_contacts_has_none_in_any_window()
    {
        var simulated = new SimulatedContactHistory();
        simulated.Record(new Contact("a", "r", "c1", "sms", Start, IdempotencyKeys.For("a", "r", "c1", "2026-03-01")));

        Assert.Empty(simulated.ContactsOf("nobody", DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        Assert.Equal(0, simulated.CountContacts("nobody", DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
        Assert.Equal(0, simulated.CountContacts("c1", DateTimeOffset.MinValue, DateTimeOffset.MaxValue, "never-sent"));
        Assert.False(simulated.WasSent("nobody", IdempotencyKeys.For("a", "r", "c1", "2026-03-01")));
    }

    /// <summary>The evaluator records and asks by row and key parts, tests and other callers by key text: either way finds the other's sends.</summary>
    [Theory]
    [InlineData("cycle-reminder", "remind", "c1", "2026-03-01")]
    [InlineData("a", "", "顾客/5", "signed:32411270024053005")]
    [InlineData("holiday-greetings", "spring_festival", "lucky813972758", "holiday:spring_festival:2026")]
    public void A_key_recorded_by_row_is_found_by_its_text_and_the_other_way_round(string campaign, string rule, string customer, string occurrence)
    {
        var shop = new OrderHistoryBuilder();
        shop.Customer("someone-else", new CustomerDetails());
        shop.Customer(customer, new CustomerDetails());
        var history = shop.Build();
        var row = history.FindCustomer(customer);
        var longOccurrence = occurrence + new string('x', 400); // past the stack buffer the key is built on the heap
        var key = IdempotencyKeys.For(campaign, rule, customer, occurrence);
        var longKey = IdempotencyKeys.For(campaign, rule, customer, longOccurrence);

        var byRow = new SimulatedContactHistory(history);
        Assert.True(byRow.Record(row, customer, Start.UtcTicks, IdempotencyKeys.Hash(campaign, rule, row, occurrence), byRow.CampaignId(campaign), byRow.SourceId(rule, "sms")));
        Assert.True(byRow.WasSent(customer, key));
        Assert.True(byRow.Contains(key));
        Assert.False(byRow.WasSent(customer, longKey));
        Assert.False(byRow.WasSent("someone-else", IdempotencyKeys.For(campaign, rule, "someone-else", occurrence)));

        var byText = new SimulatedContactHistory(history);
        Assert.True(byText.Record(new Contact(campaign, rule, customer, "sms", Start, longKey)));
        Assert.True(byText.WasSent(row, IdempotencyKeys.Hash(campaign, rule, row, longOccurrence)));
        Assert.False(byText.WasSent(row, IdempotencyKeys.Hash(campaign, rule, row, occurrence)));
        Assert.False(byText.WasSent(1 - row, IdempotencyKeys.Hash(campaign, rule, 1 - row, longOccurrence)));
    }

    private static Contact NewContact(Random random, List<Contact> sent)
    {
        var customer = Customers[random.Next(Customers.Length)];
        var campaign = Campaigns[random.Next(Campaigns.Length)];
        var rule = Rules[random.Next(Rules.Length)];
        // Mostly forward in time; one in eight goes back (a send deferred by quiet hours lands later than
        // sends recorded after it); one in eight repeats the moment of an earlier send exactly.
        var last = sent.Count == 0 ? Start : sent[^1].At;
        var at = random.Next(8) switch
        {
            0 => last - TimeSpan.FromMinutes(random.Next(1, 3 * 24 * 60)),
            1 when sent.Count > 0 => sent[random.Next(sent.Count)].At,
            _ => last + TimeSpan.FromMinutes(random.Next(0, 6 * 60)),
        };
        at = random.Next(2) == 0 ? at.ToUniversalTime() : at.ToOffset(TimeSpan.FromHours(8));
        // The occurrence is the day, so a second send of one rule to one customer on one day is a repeat.
        var key = IdempotencyKeys.For(campaign, rule, customer, DateOnly.FromDateTime(at.UtcDateTime).ToString("O"));
        return new Contact(campaign, rule, customer, Channels[random.Next(Channels.Length)], at, key);
    }

    private static Contact Repeat(Random random, List<Contact> sent)
    {
        var earlier = sent[random.Next(sent.Count)];
        return earlier with { At = earlier.At.AddHours(random.Next(-48, 48)), Channel = Channels[random.Next(Channels.Length)] };
    }

    private static void AssertSameAnswers(Random random, IContactHistory reference, IContactHistory simulated, List<Contact> sent)
    {
        foreach (var contact in sent.Take(50).Concat(sent.TakeLast(50)))
        {
            Assert.True(simulated.Contains(contact.IdempotencyKey));
            Assert.True(simulated.WasSent(contact.CustomerId, contact.IdempotencyKey));
        }

        var other = IdempotencyKeys.For("cycle-reminder", "remind", "c0", "1999-01-01");
        Assert.Equal(reference.Contains(other), simulated.Contains(other));
        Assert.False(simulated.WasSent("c1", IdempotencyKeys.For("cycle-reminder", "remind", "c0", DateOnly.FromDateTime(Start.UtcDateTime).ToString("O"))));

        for (var i = 0; i < 40; i++)
        {
            var customer = i == 0 ? "never-contacted" : Customers[random.Next(Customers.Length)];
            var (from, before) = Window(random, sent);
            Assert.Equal(Project(reference.ContactsOf(customer, from, before)), Project(simulated.ContactsOf(customer, from, before)));
            Assert.Equal(reference.CountContacts(customer, from, before), simulated.CountContacts(customer, from, before));
            foreach (var campaign in Campaigns.Append("never-sent"))
            {
                Assert.Equal(reference.CountContacts(customer, from, before, campaign), simulated.CountContacts(customer, from, before, campaign));
            }
        }

        var since = Window(random, sent).From;
        Assert.Equal(Project(reference.ContactsSince(since)).Order(), Project(simulated.ContactsSince(since)).Order());
    }

    /// <summary>A window [from, before) whose ends are often exactly a send's moment, or one tick beside it.</summary>
    private static (DateTimeOffset From, DateTimeOffset Before) Window(Random random, List<Contact> sent)
    {
        DateTimeOffset End()
        {
            if (sent.Count == 0 || random.Next(4) == 0)
            {
                return Start + TimeSpan.FromMinutes(random.Next(-24 * 60, 40 * 24 * 60));
            }

            return sent[random.Next(sent.Count)].At + TimeSpan.FromTicks(random.Next(-1, 2));
        }

        var (a, b) = (End(), End());
        // Now and then an empty or inverted window.
        return random.Next(6) == 0 ? (b, a) : a <= b ? (a, b) : (b, a);
    }

    // The simulated history hands back its key hash, not the key (nothing in a dry-run reads it), and UTC moments.
    private static List<string> Project(IEnumerable<Contact> contacts)
        => [.. contacts.Select(c => $"{c.At.UtcTicks:D20} {c.CustomerId} {c.Campaign} {c.Rule} {c.Channel}")];
}
