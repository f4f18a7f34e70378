namespace CampaignEngine.Reports;

/// <summary>
/// Sends, cost and suppressions per shop-local day, in arrays indexed by day number: the report adds to
/// them once per decision (a hundred million times in a year over a million customers), where a
/// dictionary keyed by day cost a hash look-up and a tuple copy each time. Days outside the period (a
/// send deferred past its last night) grow the arrays.
/// </summary>
internal sealed class DayCounts(DateOnly from, DateOnly to)
{
    private int _first = from.DayNumber;
    private int[] _sends = new int[to.DayNumber - from.DayNumber + 8];
    private long[] _cost = new long[to.DayNumber - from.DayNumber + 8];
    private int[] _suppressed = new int[to.DayNumber - from.DayNumber + 8];

    public void Send(DateOnly day, long costFen)
    {
        var i = Slot(day);
        _sends[i]++;
        _cost[i] += costFen;
    }

    public void Suppress(DateOnly day) => _suppressed[Slot(day)]++;

    /// <summary>Every day from the first with a decision (or the period's first) to the last with one (or the period's last), quiet days included.</summary>
    public List<DaySummary> Summaries()
    {
        var first = from.DayNumber;
        var last = to.DayNumber;
        for (var i = 0; i < _sends.Length; i++)
        {
            // Every decision counts a send or a suppression, so a day with neither saw none.
            if (_sends[i] + _suppressed[i] > 0)
            {
                first = Math.Min(first, _first + i);
                last = Math.Max(last, _first + i);
            }
        }

        return [.. Enumerable.Range(first, last - first + 1).Select(d =>
        {
            var i = d - _first;
            return i >= 0 && i < _sends.Length
                ? new DaySummary(DateOnly.FromDayNumber(d), _sends[i], _cost[i], _suppressed[i])
                : new DaySummary(DateOnly.FromDayNumber(d), 0, 0, 0);
        })];
    }

    private int Slot(DateOnly day)
    {
        var i = day.DayNumber - _first;
        if ((uint)i < (uint)_sends.Length)
        {
            return i;
        }

        var first = Math.Min(_first, day.DayNumber);
        var length = Math.Max(_first + _sends.Length, day.DayNumber + 1) - first;
        _sends = Moved(_sends, _first - first, length);
        _cost = Moved(_cost, _first - first, length);
        _suppressed = Moved(_suppressed, _first - first, length);
        _first = first;
        return day.DayNumber - _first;

        static T[] Moved<T>(T[] counts, int shift, int length)
        {
            var moved = new T[length];
            counts.CopyTo(moved, shift);
            return moved;
        }
    }
}
