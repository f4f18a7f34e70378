using System.Diagnostics.CodeAnalysis;

namespace CampaignEngine.Calendar;

/// <summary>A festival the calendar knows: its canonical English id, Chinese name and every alias a marketer may type.</summary>
public sealed record Festival(string Id, string ChineseName, IReadOnlyList<string> Aliases);

/// <summary>
/// Festivals by name in English and Chinese — lunar ones computed with ChineseLunisolarCalendar,
/// 清明 astronomically, fixed-date and nth-weekday ones by rule, plus shop-defined days from the
/// engine config. See docs/calendar.md for every festival and its rule.
/// </summary>
public sealed class FestivalCalendar
{
    private const int MaxSuggestions = 3;

    private readonly IReadOnlyList<(Festival Festival, FestivalRule Rule)> _entries;
    private readonly Dictionary<string, FestivalRule> _rulesById;
    private readonly Dictionary<string, Festival> _byKey;

    public FestivalCalendar()
        : this(BuiltInFestivals.All)
    {
    }

    private FestivalCalendar(IReadOnlyList<(Festival Festival, FestivalRule Rule)> entries)
    {
        _entries = entries;
        _rulesById = entries.ToDictionary(e => e.Festival.Id, e => e.Rule, StringComparer.Ordinal);
        _byKey = new Dictionary<string, Festival>(StringComparer.Ordinal);
        foreach (var (festival, _) in entries)
        {
            foreach (var name in NamesOf(festival))
            {
                var key = FestivalName.Key(name);
                if (_byKey.TryGetValue(key, out var other) && other.Id != festival.Id)
                {
                    throw new InvalidOperationException($"The festival name \"{name}\" of {festival.Id} is also a name of {other.Id}.");
                }

                _byKey[key] = festival;
            }
        }

        Festivals = entries.Select(e => e.Festival).ToArray();
    }

    /// <summary>The built-in festivals.</summary>
    public static FestivalCalendar Default { get; } = new();

    /// <summary>All festivals known, for listings and "did you mean" suggestions.</summary>
    public IReadOnlyList<Festival> Festivals { get; }

    /// <summary>Finds a festival by id, Chinese name or alias (case-insensitive): "mid_autumn", "中秋", "Mid-Autumn".</summary>
    public bool TryFind(string name, [MaybeNullWhen(false)] out Festival festival)
        => _byKey.TryGetValue(FestivalName.Key(name), out festival);

    /// <summary>
    /// Like <see cref="TryFind(string, out Festival)"/>; when the name is unknown, <paramref name="suggestions"/>
    /// holds up to three close names ("did you mean 中秋?") in the language the name was typed in.
    /// </summary>
    public bool TryFind(string name, [MaybeNullWhen(false)] out Festival festival, out IReadOnlyList<string> suggestions)
    {
        if (TryFind(name, out festival))
        {
            suggestions = [];
            return true;
        }

        suggestions = Suggest(name);
        return false;
    }

    /// <summary>Close festival names for a name that was not found, best first; empty when nothing is close.</summary>
    public IReadOnlyList<string> Suggest(string name)
    {
        var key = FestivalName.Key(name);
        if (key.Length == 0)
        {
            return [];
        }

        var chinese = FestivalName.IsChinese(name);
        var allowed = FestivalName.AllowedDistance(key);
        return _entries
            .Select(e => Closest(e.Festival, key, chinese))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .Take(MaxSuggestions)
            .Select(c => c.Name)
            .ToArray();
    }

    /// <summary>The festival's date in a Gregorian year.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="SupportedYears"/>, with a message saying which years are.</exception>
    public DateOnly DateIn(Festival festival, int year)
    {
        var rule = RuleOf(festival);
        if (year < rule.FirstYear || year > rule.LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, OutOfRangeMessage(festival, rule, year));
        }

        return rule.DateIn(year);
    }

    /// <summary>The festival's date in a Gregorian year, or false when the year is outside <see cref="SupportedYears"/>.</summary>
    public bool TryDateIn(Festival festival, int year, out DateOnly date)
    {
        var rule = RuleOf(festival);
        if (year < rule.FirstYear || year > rule.LastYear)
        {
            date = default;
            return false;
        }

        date = rule.DateIn(year);
        return true;
    }

    /// <summary>The Gregorian years the festival can be computed for (1901–2100 for lunar festivals, as .NET's lunar calendar).</summary>
    public (int First, int Last) SupportedYears(Festival festival)
    {
        var rule = RuleOf(festival);
        return (rule.FirstYear, rule.LastYear);
    }

    /// <summary>The festival's rule in words: "lunar 8/15", "2nd Sunday of May", "every 11/11".</summary>
    public string DescribeRule(Festival festival) => RuleOf(festival).Describe();

    /// <summary>The first date on or after <paramref name="from"/> when the festival falls.</summary>
    public DateOnly NextOnOrAfter(Festival festival, DateOnly from)
    {
        var thisYear = DateIn(festival, from.Year);
        return thisYear >= from ? thisYear : DateIn(festival, from.Year + 1);
    }

    /// <summary>A calendar with the shop's own days added (from the engine config).</summary>
    /// <exception cref="ArgumentException">A day is invalid or its name is taken; the message says which and why.</exception>
    public FestivalCalendar WithShopDays(IEnumerable<ShopDay> days)
    {
        if (!TryWithShopDays(days, out var calendar, out var errors))
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(days));
        }

        return calendar;
    }

    /// <summary>
    /// Like <see cref="WithShopDays"/>, but returns the problems (for the engine config's diagnostics)
    /// instead of throwing: an empty id, an impossible date such as 2/30, a name already used by a
    /// built-in festival or another shop day.
    /// </summary>
    public bool TryWithShopDays(IEnumerable<ShopDay> days, [MaybeNullWhen(false)] out FestivalCalendar calendar, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var entries = _entries.ToList();
        var taken = new Dictionary<string, string>(_byKey.Select(p => KeyValuePair.Create(p.Key, p.Value.Id)), StringComparer.Ordinal);
        foreach (var day in days)
        {
            var label = string.IsNullOrWhiteSpace(day.Id) ? $"shop day \"{day.ChineseName}\"" : $"shop day '{day.Id}'";
            var before = problems.Count;
            if (string.IsNullOrWhiteSpace(day.Id))
            {
                problems.Add($"{label}: the id is empty; give it an English id such as \"shop_anniversary\".");
            }

            if (day.Month is < 1 or > 12 || day.Day < 1 || day.Day > DateTime.DaysInMonth(2000, day.Month))
            {
                problems.Add($"{label}: {day.Month}/{day.Day} is not a date; write the month (1–12) and a day that month has.");
            }

            var names = new[] { day.Id, day.ChineseName }.Concat(day.Aliases ?? []).Where(n => !string.IsNullOrWhiteSpace(n));
            var keys = new List<string>();
            foreach (var name in names)
            {
                var key = FestivalName.Key(name);
                if (key.Length == 0)
                {
                    problems.Add($"{label}: the name \"{name}\" has no letters or digits.");
                }
                else if (taken.TryGetValue(key, out var owner) && owner != day.Id)
                {
                    problems.Add($"{label}: the name \"{name}\" is already used by '{owner}'; choose another name.");
                }
                else
                {
                    keys.Add(key);
                }
            }

            if (problems.Count == before)
            {
                foreach (var key in keys)
                {
                    taken[key] = day.Id;
                }

                entries.Add((new Festival(day.Id, day.ChineseName, day.Aliases ?? []), new FixedDateRule(day.Month, day.Day)));
            }
        }

        errors = problems;
        calendar = problems.Count == 0 ? new FestivalCalendar(entries) : null;
        return calendar is not null;
    }

    private FestivalRule RuleOf(Festival festival)
        => _rulesById.TryGetValue(festival.Id, out var rule)
            ? rule
            : throw new ArgumentException($"'{festival.Id}' is not a festival of this calendar.", nameof(festival));

    private static string OutOfRangeMessage(Festival festival, FestivalRule rule, int year)
        => rule is LunarDateRule or LunarNewYearsEveRule
            ? $"{festival.ChineseName} ({festival.Id}) follows the Chinese lunar calendar, which .NET supports for {rule.FirstYear}–{rule.LastYear} only; {year} is outside that range."
            : $"{festival.ChineseName} ({festival.Id}) can be computed for {rule.FirstYear}–{rule.LastYear} only; {year} is outside that range.";

    private static IEnumerable<string> NamesOf(Festival festival)
        => new[] { festival.Id, festival.ChineseName }.Concat(festival.Aliases);

    private static (string Name, int Distance) Closest(Festival festival, string key, bool chinese)
    {
        // Answer in the language the marketer typed: a slip in "中球" suggests 中秋节, in "mid_autum" mid_autumn.
        var candidates = NamesOf(festival).Where(n => FestivalName.IsChinese(n) == chinese).DefaultIfEmpty(festival.Id);
        return candidates
            .Select(n => (Name: n, Distance: FestivalName.Distance(key, FestivalName.Key(n))))
            .MinBy(c => c.Distance);
    }
}

/// <summary>A shop-defined day: an id, a Chinese name and its month/day, every year (e.g. the shop's anniversary 店庆).</summary>
public sealed record ShopDay(string Id, string ChineseName, int Month, int Day, IReadOnlyList<string> Aliases);
