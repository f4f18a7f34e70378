using CampaignEngine.Calendar;
using CampaignEngine.Orders;
using CampaignEngine.State;

namespace CampaignEngine.Facts.Tests.Facts;

public sealed class CalendarAndContactFactsTests
{
    private static readonly OrderHistory History = new OrderHistoryBuilder().Order("o1", "alice", new DateTime(2024, 1, 1), 10m).Build();

    [Fact]
    public void Is_holiday_and_days_to_holiday_use_the_festival_calendar()
    {
        var midAutumn2024 = FactTable.AsOf(History, new DateOnly(2024, 9, 17));
        var before = FactTable.AsOf(History, new DateOnly(2024, 9, 10));

        Assert.Equal(true, SchemaProbe.Call(midAutumn2024, 0, "is_holiday", "中秋"));
        Assert.Equal(false, SchemaProbe.Call(before, 0, "is_holiday", "mid_autumn"));
        Assert.Equal(7.0, SchemaProbe.Call(before, 0, "days_to_holiday", "中秋"));
        Assert.Equal(55.0, SchemaProbe.Call(midAutumn2024, 0, "days_to_holiday", "double11"));
        Assert.Equal(55.0, SchemaProbe.Call(midAutumn2024, 0, "days_to_holiday", "双十一", literal: false));
        Assert.True(double.IsNaN((double)SchemaProbe.Call(midAutumn2024, 0, "days_to_holiday", "no such day", literal: false)!));
    }

    [Fact]
    public void An_unknown_festival_literal_is_refused_at_compile_time_with_the_known_names()
    {
        var isHoliday = BuiltInFacts.Schema(FestivalCalendar.Default).Functions.Single(f => f.Name == "is_holiday");

        Assert.Null(isHoliday.CheckConstantArguments!(["中秋"]));
        var message = isHoliday.CheckConstantArguments!(["月饼节"]);
        Assert.Contains("unknown festival '月饼节'", message);
        Assert.Contains("mid_autumn", message);
    }

    [Fact]
    public void Contacts_come_from_the_state_store_snapshot_in_shop_time()
    {
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var store = new ListContactHistory(
        [
            new Contact("c", "r", "alice", "sms", new DateTimeOffset(2024, 2, 9, 16, 30, 0, TimeSpan.Zero), "k1"), // 02-10 00:30 in Shanghai
            new Contact("c", "r", "alice", "sms", new DateTimeOffset(2024, 2, 1, 2, 0, 0, TimeSpan.Zero), "k2"),
        ]);
        var moment = new DateTimeOffset(2024, 2, 10, 10, 0, 0, TimeSpan.FromHours(8));

        var contacts = ContactHistory.Snapshot(History, store, moment, shanghai);
        var table = FactTable.AsOf(History, moment, shanghai, contacts);

        Assert.Equal(0.0, SchemaProbe.Number(table, 0, "last_contact_days"));
        Assert.Equal(1.0, SchemaProbe.Call(table, 0, "contacts_in", 1.0));
        Assert.Equal(2.0, SchemaProbe.Call(table, 0, "contacts_in", 30.0));
    }

    private sealed class ListContactHistory(List<Contact> contacts) : IContactHistory
    {
        public bool Record(Contact contact) => throw new NotSupportedException();

        public bool Contains(string idempotencyKey) => contacts.Any(c => c.IdempotencyKey == idempotencyKey);

        public IReadOnlyList<Contact> ContactsOf(string customerId, DateTimeOffset from, DateTimeOffset before)
            => contacts.Where(c => c.CustomerId == customerId && c.At >= from && c.At < before).OrderBy(c => c.At).ToList();
    }
}
