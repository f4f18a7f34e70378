using System.Globalization;
using System.Text;
using CampaignEngine.Calendar;
using CampaignEngine.Campaigns.Schedules;
using CampaignEngine.Orders;

namespace CampaignEngine.Evaluation;

/// <summary>One customer's occurrence of an event campaign: the row and what identifies the event (an order index or a year).</summary>
internal readonly record struct EventCandidate(int Row, int Key);

/// <summary>
/// The occurrences of event campaigns falling in a window of shop-local seconds (exclusive start,
/// inclusive end): an order event (paid, shipped, arrived, signed) whose moment plus the offset is in
/// the window — one occurrence per order; a birthday plus the offset — one per customer and year (Feb 29
/// falls on Feb 28 in common years); a festival plus the offset — one per customer and year. Events
/// are at their recorded second; birthdays and festivals at the shop's midnight of their day.
/// </summary>
internal static class Occurrences
{
    public static void OrderEvents(OrderHistory history, CustomerEvent kind, long from, long to, List<EventCandidate> into)
    {
        var events = history.EventsOf(kind switch
        {
            CustomerEvent.OrderPaid => OrderEventKind.Paid,
            CustomerEvent.Shipped => OrderEventKind.Shipped,
            CustomerEvent.Arrived => OrderEventKind.Arrived,
            _ => OrderEventKind.Signed,
        });
        foreach (var order in events.OrdersIn(from, to))
        {
            into.Add(new EventCandidate(history.OrderCustomer[order], order));
        }
    }

    /// <summary>Customers by birthday (month and day), built once per history: a window of a few hours looks at its days only, not at every customer.</summary>
    public sealed class BirthdayIndex
    {
        private readonly int[] starts = new int[13 * 32 + 1];
        private readonly int[] rows;

        public BirthdayIndex(OrderHistory history)
        {
            var counts = new int[13 * 32];
            for (var row = 0; row < history.CustomerCount; row++)
            {
                if (history.BirthdayDays[row] is var day && day != OrderHistory.NoDay)
                {
                    counts[Key(DateOnly.FromDayNumber(day))]++;
                }
            }

            for (var k = 0; k < counts.Length; k++)
            {
                starts[k + 1] = starts[k] + counts[k];
            }

            rows = new int[starts[^1]];
            var next = (int[])starts.Clone();
            for (var row = 0; row < history.CustomerCount; row++)
            {
                if (history.BirthdayDays[row] is var day && day != OrderHistory.NoDay)
                {
                    rows[next[Key(DateOnly.FromDayNumber(day))]++] = row;
                }
            }
        }

        public ReadOnlySpan<int> BornOn(int month, int day) => rows.AsSpan(starts[month * 32 + day], starts[month * 32 + day + 1] - starts[month * 32 + day]);

        private static int Key(DateOnly date) => date.Month * 32 + date.Day;
    }

    /// <summary>Birthdays (at the shop's midnight) in the window, one occurrence per customer and year; Feb 29 birthdays fall on Feb 28 in common years.</summary>
    public static void Birthdays(BirthdayIndex index, long from, long to, List<EventCandidate> into)
    {
        var firstDay = (int)Math.Floor(from / 86400.0);
        var lastDay = (int)Math.Floor(to / 86400.0);
        for (var dayNumber = firstDay; dayNumber <= lastDay; dayNumber++)
        {
            var at = dayNumber * 86400L;
            if (at <= from || at > to)
            {
                continue;
            }

            var date = DateOnly.FromDayNumber(dayNumber);
            foreach (var row in index.BornOn(date.Month, date.Day))
            {
                into.Add(new EventCandidate(row, date.Year));
            }

            if (date is { Month: 2, Day: 28 } && !DateTime.IsLeapYear(date.Year))
            {
                foreach (var row in index.BornOn(2, 29))
                {
                    into.Add(new EventCandidate(row, date.Year));
                }
            }
        }
    }

    /// <summary>The years whose festival day (at midnight) falls in the window.</summary>
    public static IEnumerable<int> FestivalYears(FestivalCalendar calendar, Festival festival, long from, long to)
    {
        var firstYear = DateOnly.FromDayNumber((int)Math.Floor(from / 86400.0)).Year;
        var lastYear = DateOnly.FromDayNumber((int)Math.Floor(to / 86400.0)).Year;
        for (var year = firstYear; year <= lastYear; year++)
        {
            if (calendar.TryDateIn(festival, year, out var date) && date.DayNumber * 86400L is var at && at > from && at <= to)
            {
                yield return year;
            }
        }
    }

    /// <summary>
    /// The occurrence texts of <paramref name="keys"/> into <paramref name="texts"/>. An hour of a year's
    /// dry-run at 1M fires thousands of order events for scattered orders, each text three dependent reads
    /// away (the order's id, where its bytes start, the bytes): these are asked for a few texts ahead.
    /// </summary>
    public static void Texts(CustomerEvent kind, string? festival, OrderHistory history, ReadOnlySpan<int> keys, Span<string> texts)
    {
        var orderEvent = kind is CustomerEvent.OrderPaid or CustomerEvent.Shipped or CustomerEvent.Arrived or CustomerEvent.Signed;
        for (var i = 0; i < keys.Length; i++)
        {
            if (orderEvent)
            {
                if (i + 6 < keys.Length)
                {
                    Memory.Prefetch.Element(history.OrderIds, keys[i + 6]);
                }

                if (i + 4 < keys.Length)
                {
                    history.OrderIdNames.PrefetchStart(history.OrderIds[keys[i + 4]]);
                }

                if (i + 2 < keys.Length)
                {
                    history.OrderIdNames.PrefetchBytes(history.OrderIds[keys[i + 2]]);
                }
            }

            texts[i] = Text(kind, festival, history, keys[i]);
        }
    }

    /// <summary>The occurrence text of Decision: what makes a send unique.</summary>
    public static string Text(CustomerEvent kind, string? festival, OrderHistory history, int key) => kind switch
    {
        CustomerEvent.OrderPaid => OrderEventText("paid:", history, key),
        CustomerEvent.Shipped => OrderEventText("shipped:", history, key),
        CustomerEvent.Arrived => OrderEventText("arrived:", history, key),
        CustomerEvent.Signed => OrderEventText("signed:", history, key),
        CustomerEvent.Birthday => "birthday:" + key.ToString(CultureInfo.InvariantCulture),
        _ => $"holiday:{festival}:{key.ToString(CultureInfo.InvariantCulture)}",
    };

    // Straight from the order id's bytes: OrderIdOf would cache a string for every order a year of events
    // touches. Order ids are ASCII digits nearly always, which widen to chars without UTF-8 decoding.
    private static string OrderEventText(string prefix, OrderHistory history, int order)
    {
        var id = history.OrderIdNames.BytesOf(history.OrderIds[order]);
        var ascii = Ascii.IsValid(id);
        var length = prefix.Length + (ascii ? id.Length : Encoding.UTF8.GetCharCount(id));
        return string.Create(length, (prefix, history, order, ascii), static (text, s) =>
        {
            s.prefix.CopyTo(text);
            var id = s.history.OrderIdNames.BytesOf(s.history.OrderIds[s.order]);
            if (s.ascii)
            {
                Ascii.ToUtf16(id, text[s.prefix.Length..], out _);
            }
            else
            {
                Encoding.UTF8.GetChars(id, text[s.prefix.Length..]);
            }
        });
    }
}
