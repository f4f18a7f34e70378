using System.Runtime.CompilerServices;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Orders;

namespace CampaignEngine.Facts;

/// <summary>
/// Every customer's facts as of one evaluation moment, as columns: one array per fact, one row per
/// customer (the dense customer index of the order history). Compiled rules read these arrays by row.
/// Only orders paid before the moment, and logistics events before it, count — look-ahead is a bug.
/// Day-relative facts (days_since_last, days_to_birthday …) are stored as absolute day numbers and
/// turned into "days since" when read, so moving to the next day only touches customers with new events.
/// </summary>
public sealed class FactTable
{
    internal const int NoDay = int.MinValue;

    public FactTable()
    {
    }

    private FactTable(OrderHistory history, ContactHistory contacts, int day, int second)
    {
        History = history;
        Contacts = contacts;
        Day = day;
        Second = second;
        var n = history.CustomerCount;
        RowCount = n;
        Frequency = new int[n];
        MonetaryFen = new long[n];
        FirstOrderDay = new int[n];
        LastOrderDay = new int[n];
        Cycle = new double[n];
        CycleStddev = new double[n];
        RefundCount = new int[n];
        OrdersBefore = new int[n];
        LastOrder = new int[n];
        LastShippedDay = new int[n];
        LastArrivedDay = new int[n];
        LastSignedDay = new int[n];
        OpenParcels = new int[n];
        OldestOpenShippedDay = new int[n];
        RfmR = new byte[n];
        RfmF = new byte[n];
        RfmM = new byte[n];
        Segment = new byte[n];
    }

    public int RowCount { get; init; }

    /// <summary>The evaluation date (shop-local).</summary>
    public DateOnly Date => DateOnly.FromDayNumber(Day);

    internal OrderHistory History { get; } = new OrderHistoryBuilder().Build();
    internal ContactHistory Contacts { get; } = ContactHistory.None;

    /// <summary>Tags and levels changed by rules during a run; read before the loaded customer data.</summary>
    internal CustomerOverlay Overlay { get; set; } = new();

    /// <summary>Evaluation moment: shop-local day number and second of that day.</summary>
    internal int Day { get; private set; }
    internal int Second { get; private set; }
    internal long Moment => Day * 86400L + Second;

    /// <summary>ISO weekday of the evaluation date: Monday 1 … Sunday 7.</summary>
    internal int Weekday => Date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)Date.DayOfWeek;

    internal int[] Frequency { get; } = [];
    internal long[] MonetaryFen { get; } = [];
    internal int[] FirstOrderDay { get; } = [];
    internal int[] LastOrderDay { get; } = [];
    internal double[] Cycle { get; } = [];
    internal double[] CycleStddev { get; } = [];
    internal int[] RefundCount { get; } = [];
    /// <summary>How many of the customer's orders (any status) were paid before the moment: a prefix of its slice.</summary>
    internal int[] OrdersBefore { get; } = [];
    /// <summary>The latest non-refunded order paid before the moment (global order index), or −1.</summary>
    internal int[] LastOrder { get; } = [];
    internal int[] LastShippedDay { get; } = [];
    internal int[] LastArrivedDay { get; } = [];
    internal int[] LastSignedDay { get; } = [];
    internal int[] OpenParcels { get; } = [];
    internal int[] OldestOpenShippedDay { get; } = [];
    internal byte[] RfmR { get; } = [];
    internal byte[] RfmF { get; } = [];
    internal byte[] RfmM { get; } = [];
    internal byte[] Segment { get; } = [];

    /// <summary>Facts as of the start (00:00) of a shop-local date: orders paid on earlier days count.</summary>
    internal static FactTable AsOf(OrderHistory history, DateOnly date, ContactHistory? contacts = null)
        => AsOf(history, date.ToDateTime(TimeOnly.MinValue), contacts);

    /// <summary>Facts as of a shop-local moment (e.g. today 10:00 for a daily run).</summary>
    internal static FactTable AsOf(OrderHistory history, DateTime shopLocalMoment, ContactHistory? contacts = null)
    {
        // RFM cut points are the day's (see AdvanceTo): compute at midnight, then step to the time of day,
        // so that a table computed at 15:00 equals one advanced there from an earlier moment.
        var table = new FactTable(history, contacts ?? ContactHistory.None, DateOnly.FromDateTime(shopLocalMoment).DayNumber, 0);
        table.ComputeAll();
        var second = (int)(shopLocalMoment.TimeOfDay.Ticks / TimeSpan.TicksPerSecond);
        if (second > 0)
        {
            table.AdvanceTo(table.Date, second);
        }

        return table;
    }

    /// <summary>Facts as of an instant, converted to shop-local time (Asia/Shanghai unless configured otherwise).</summary>
    internal static FactTable AsOf(OrderHistory history, DateTimeOffset moment, TimeZoneInfo shopZone, ContactHistory? contacts = null)
        => AsOf(history, TimeZoneInfo.ConvertTime(moment, shopZone).DateTime, contacts);

    /// <summary>
    /// Moves the table forward to the same time of day on a later date, recomputing only customers with
    /// a paid or logistics event in between, then re-scoring RFM (quintiles over the whole base).
    /// </summary>
    internal void AdvanceTo(DateOnly date) => AdvanceTo(date, Second);

    /// <summary>
    /// Moves the table forward to a later moment (a later date, or a later time of the same day), recomputing
    /// only customers with a paid or logistics event in between. RFM cut points are the shop day's: at each
    /// midnight passed they are recomputed from every change since the last one and the scores they can change rewritten;
    /// within the day only customers who paid are rescored (see <see cref="RfmIndex"/>).
    /// </summary>
    internal void AdvanceTo(DateOnly date, int secondOfDay)
    {
        var target = date.DayNumber;
        if (target < Day || (target == Day && secondOfDay < Second))
        {
            throw new ArgumentOutOfRangeException(nameof(date), "facts only move forward; compute a new table for an earlier moment");
        }

        // The first step indexes the RFM base (a sort); later steps only move the changed customers in it.
        _rfm ??= RfmIndex.Build(this);
        _changes ??= new StepChanges(RowCount);
        if (target > Day)
        {
            Recompute(CustomersWithEventsBefore(target * 86400L), target, 0);
            _rfm.Recut(this);
        }

        if (secondOfDay > Second)
        {
            var changes = CustomersWithEventsBefore((target * 86400L) + secondOfDay);
            Recompute(changes, target, secondOfDay);
            _rfm.Rescore(this, changes.Paid);
        }
    }

    /// <summary>
    /// The customers with a paid or logistics event in [the table's moment, <paramref name="moment"/>): logistics
    /// events are applied to the columns in passing, the rows left to recompute are returned.
    /// </summary>
    private StepChanges CustomersWithEventsBefore(long moment)
    {
        _changes!.Collect(this, moment);
        return _changes;
    }

    private void Recompute(StepChanges changes, int day, int second)
    {
        _rfm!.Track(this, changes.Paid);
        Day = day;
        Second = second;
        var rows = changes.Recomputed;
        if (rows.Length < MinRowsPerPartition * 2)
        {
            // An hourly sweep recomputes a few hundred customers: cheaper inline than handing out partitions.
            var pass = new CustomerFactsPass(this);
            for (var i = 0; i < rows.Length; i++)
            {
                changes.Recompute(pass, i);
            }

            return;
        }

        ForEachPartition(rows.Length, (pass, from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                changes.Recompute(pass, i);
            }
        });
    }

    private const int MinRowsPerPartition = 5_000;

    /// <summary>Runs <paramref name="work"/> over [0, count) split across the cores, each part with its own scratch pass.</summary>
    private void ForEachPartition(int count, Action<CustomerFactsPass, int, int> work)
    {
        var partitions = Math.Max(1, Math.Min(Environment.ProcessorCount, count / MinRowsPerPartition));
        if (partitions == 1)
        {
            work(new CustomerFactsPass(this), 0, count);
            return;
        }

        Parallel.For(0, partitions, p => work(new CustomerFactsPass(this), (int)((long)count * p / partitions), (int)((long)count * (p + 1) / partitions)));
    }

    // ---- Text facts as interned ids, so rules compare them with literals as integers (docs/facts.md). ----

    /// <summary>One pool for the process: the ids of literals resolved when a campaign compiles hold for every table.</summary>
    internal static readonly TextIdPool Texts = new();

    /// <summary>Histories are swapped whole, never changed: a text column's ids are computed once per column.</summary>
    private static readonly ConditionalWeakTable<string?[], int[]> TextColumnIds = new();

    internal int[] RegionIds => IdsOf(History.Regions);

    internal int[] GroupIds => IdsOf(History.Groups);

    /// <summary>The level column as ids, with the levels rules set during the run laid over it (as <see cref="CustomerLookups.Level"/> reads it).</summary>
    internal int[] LevelIds
    {
        get
        {
            var loaded = IdsOf(History.Levels);
            var changes = Overlay.LevelChanges;
            if (changes.Count == 0)
            {
                return loaded;
            }

            if (_levelIds is null || _levelIdsOverlay != Overlay)
            {
                (_levelIds, _levelIdsOverlay, _levelChangesApplied) = ((int[])loaded.Clone(), Overlay, 0);
            }

            for (; _levelChangesApplied < changes.Count; _levelChangesApplied++)
            {
                var (row, level) = changes[_levelChangesApplied];
                _levelIds[row] = Texts.IdOf(level);
            }

            return _levelIds;
        }
    }

    /// <summary>favorite_category as ids, as of the table's moment (see <see cref="FavoriteIds"/>).</summary>
    internal int[] FavoriteCategoryIds => (_favorites ??= new FavoriteIds(this)).Categories;

    /// <summary>favorite_style as ids, as of the table's moment.</summary>
    internal int[] FavoriteStyleIds => (_favorites ??= new FavoriteIds(this)).Styles;

    private FavoriteIds? _favorites;

    private static int[] IdsOf(string?[] texts) => TextColumnIds.GetValue(texts, static column => Texts.IdsOf(column));

    private int[]? _levelIds;
    private CustomerOverlay? _levelIdsOverlay;
    private int _levelChangesApplied;

    private RfmIndex? _rfm;
    private StepChanges? _changes;

    private void ComputeAll()
    {
        ForEachPartition(RowCount, (pass, from, to) =>
        {
            for (var row = from; row < to; row++)
            {
                pass.Compute(row);
            }
        });
        RfmScoring.Score(this);
    }

    // ---- Readers used by the schema's expressions (kept tiny so the JIT inlines them). ----

    internal static double DaysSince(int day, int today) => day == NoDay ? double.NaN : today - day;

    internal static double Yuan(long fen) => fen / 100.0;

    internal string? CategoryName(int id) => id < 0 ? null : History.Categories.NameOf(id);

    internal string? StyleName(int id) => id < 0 ? null : History.Styles.NameOf(id);

    /// <summary>A logistics time of the customer's latest order, when it happened before the moment.</summary>
    internal int LastOrderEventDay(int row, OrderEvent kind)
    {
        var o = LastOrder[row];
        if (o < 0)
        {
            return NoDay;
        }

        var h = History;
        var (day, second) = kind switch
        {
            OrderEvent.Shipped => (h.ShippedDay[o], h.ShippedSecond[o]),
            OrderEvent.Arrived => (h.ArrivedDay[o], h.ArrivedSecond[o]),
            _ => (h.SignedDay[o], h.SignedSecond[o]),
        };
        return IsBefore(day, second) ? day : NoDay;
    }

    internal bool IsBefore(int day, int second) => day != NoDay && (day < Day || (day == Day && second < Second));
}

/// <summary>The logistics steps of an order (GLOSSARY: 发货 / 到达同城 / 签收).</summary>
internal enum OrderEvent
{
    Shipped,
    Arrived,
    Signed,
}
