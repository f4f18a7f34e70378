namespace CampaignEngine.Facts;

/// <summary>
/// Keeps the RFM base sorted between days for the day-by-day dry-run: histograms of last order day
/// and of frequency (counting sort) and the sorted monetary values. The quintile cut points are those of
/// the shop day's start (<see cref="Recut"/> at each midnight): the customers that changed since the last
/// recut lose their old values and gain their new ones — a merge, not a sort — so the cut points come out
/// in O(n) with a small constant, then every score is rewritten in one pass. Within the day a customer who
/// buys is rescored against the day's cut points (<see cref="Rescore"/>): an hourly event sweep then costs
/// its few changed customers, not a pass over the whole base.
/// </summary>
internal sealed class RfmIndex
{
    private readonly int _minDay;
    private int[] _recencyCounts;
    private int[] _frequencyCounts;
    private long[] _money;
    private long[] _spare;
    private long[] _removed = [];
    private long[] _added = [];
    private int _active;
    private RfmScoring.Cuts _cuts;
    private readonly bool[] _tracked;
    private readonly List<int> _trackedRows = [];
    private readonly List<Values> _trackedBefore = [];

    private RfmIndex(FactTable t)
    {
        var maxDay = int.MinValue;
        var maxFrequency = 0;
        _minDay = int.MaxValue;
        for (var row = 0; row < t.RowCount; row++)
        {
            if (t.Frequency[row] > 0)
            {
                _active++;
                _minDay = Math.Min(_minDay, t.LastOrderDay[row]);
                maxDay = Math.Max(maxDay, t.LastOrderDay[row]);
                maxFrequency = Math.Max(maxFrequency, t.Frequency[row]);
            }
        }

        if (_active == 0)
        {
            _minDay = t.Day;
            maxDay = t.Day;
        }

        _recencyCounts = new int[maxDay - _minDay + 64];
        _frequencyCounts = new int[maxFrequency + 16];
        _money = new long[_active];
        _spare = [];
        var i = 0;
        for (var row = 0; row < t.RowCount; row++)
        {
            if (t.Frequency[row] > 0)
            {
                _recencyCounts[t.LastOrderDay[row] - _minDay]++;
                _frequencyCounts[t.Frequency[row]]++;
                _money[i++] = t.MonetaryFen[row];
            }
        }

        Array.Sort(_money);
        _cuts = CutPoints();
        _tracked = new bool[t.RowCount];
    }

    public static RfmIndex Build(FactTable t) => new(t);

    /// <summary>One customer's RFM inputs, captured before and after it is recomputed.</summary>
    public readonly record struct Values(int Frequency, int LastDay, long MoneyFen)
    {
        public static Values Of(FactTable t, int row) => new(t.Frequency[row], t.LastOrderDay[row], t.MonetaryFen[row]);
    }

    /// <summary>Remembers the RFM inputs of customers about to be recomputed (the first time since the last recut), for the next <see cref="Recut"/>.</summary>
    public void Track(FactTable t, ReadOnlySpan<int> rows)
    {
        foreach (var row in rows)
        {
            if (!_tracked[row])
            {
                _tracked[row] = true;
                _trackedRows.Add(row);
                _trackedBefore.Add(Values.Of(t, row));
            }
        }
    }

    /// <summary>Rescores the given customers against the current cut points.</summary>
    public void Rescore(FactTable t, ReadOnlySpan<int> rows)
    {
        foreach (var row in rows)
        {
            _cuts.Score(t, row);
        }
    }

    /// <summary>New cut points from every tracked customer's change, and every score rewritten.</summary>
    public void Recut(FactTable t)
    {
        var removed = 0;
        foreach (var v in _trackedBefore)
        {
            if (v.Frequency > 0)
            {
                _recencyCounts[v.LastDay - _minDay]--;
                _frequencyCounts[v.Frequency]--;
                _active--;
                Append(ref _removed, removed++, v.MoneyFen);
            }
        }

        var added = 0;
        foreach (var row in _trackedRows)
        {
            _tracked[row] = false;
            var v = Values.Of(t, row);
            if (v.Frequency > 0)
            {
                // Customers only move to later days and higher counts: grow at the end.
                if (v.LastDay - _minDay >= _recencyCounts.Length) Array.Resize(ref _recencyCounts, (v.LastDay - _minDay) * 2 + 64);
                if (v.Frequency >= _frequencyCounts.Length) Array.Resize(ref _frequencyCounts, v.Frequency * 2 + 16);
                _recencyCounts[v.LastDay - _minDay]++;
                _frequencyCounts[v.Frequency]++;
                Append(ref _added, added++, v.MoneyFen);
                _active++;
            }
        }

        Merge(_removed.AsSpan(0, removed), _added.AsSpan(0, added));
        _trackedRows.Clear();
        _trackedBefore.Clear();
        _cuts = CutPoints();
        _cuts.ScoreAll(t);
    }

    private static void Append(ref long[] buffer, int at, long value)
    {
        if (at == buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(256, at * 2));
        }

        buffer[at] = value;
    }

    private RfmScoring.Cuts CutPoints()
    {
        if (_active == 0)
        {
            return new RfmScoring.Cuts(_minDay, int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue,
                long.MaxValue, long.MaxValue, long.MaxValue, long.MaxValue);
        }

        Span<int> ranks = stackalloc int[4];
        RfmScoring.Ranks(_active, ranks);
        Span<int> recencyCuts = stackalloc int[4];
        Span<int> frequencyCuts = stackalloc int[4];
        RfmScoring.CutsFromCounts(_recencyCounts, ranks, recencyCuts);
        RfmScoring.CutsFromCounts(_frequencyCounts, ranks, frequencyCuts);
        return new RfmScoring.Cuts(_minDay, recencyCuts[0], recencyCuts[1], recencyCuts[2], recencyCuts[3], frequencyCuts[0], frequencyCuts[1], frequencyCuts[2], frequencyCuts[3],
            _money[ranks[0] - 1], _money[ranks[1] - 1], _money[ranks[2] - 1], _money[ranks[3] - 1]);
    }

    /// <summary>
    /// The sorted money values minus <paramref name="removed"/> plus <paramref name="added"/>. A day changes a few
    /// thousand of a million values, so the untouched runs between them are block copies (memmove) and each
    /// change point is found by galloping from the previous one, not by comparing every value.
    /// </summary>
    private void Merge(Span<long> removed, Span<long> added)
    {
        removed.Sort();
        added.Sort();
        if (_spare.Length < _active)
        {
            _spare = new long[Math.Max(_active, _money.Length + 1024)];
        }

        var money = _money.AsSpan(0, _active - added.Length + removed.Length); // the old values
        var output = _spare.AsSpan();
        int i = 0, r = 0, a = 0, o = 0;
        while (r < removed.Length || a < added.Length)
        {
            // On a tie the removal goes first: it must find its value before an equal added one is placed past it.
            int next;
            if (a < added.Length && (r >= removed.Length || added[a] < removed[r]))
            {
                next = FirstAbove(money, i, added[a]);
                money[i..next].CopyTo(output[o..]);
                o += next - i;
                output[o++] = added[a++];
            }
            else
            {
                next = FirstAtLeast(money, i, removed[r++]);
                money[i..next].CopyTo(output[o..]);
                o += next - i;
                next++; // drop the removed value
            }

            i = next;
        }

        money[i..].CopyTo(output[o..]);
        (_money, _spare) = (_spare, _money);
    }

    /// <summary>The first index ≥ <paramref name="from"/> whose value is ≥ <paramref name="value"/>: gallop, then binary search.</summary>
    private static int FirstAtLeast(ReadOnlySpan<long> values, int from, long value)
    {
        var step = 1;
        var lo = from;
        var hi = from;
        while (hi < values.Length && values[hi] < value)
        {
            lo = hi + 1;
            hi = from + step;
            step <<= 1;
        }

        hi = Math.Min(hi, values.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (values[mid] < value) lo = mid + 1; else hi = mid;
        }

        return lo;
    }

    /// <summary>The first index ≥ <paramref name="from"/> whose value is &gt; <paramref name="value"/>.</summary>
    private static int FirstAbove(ReadOnlySpan<long> values, int from, long value)
        => value == long.MaxValue ? values.Length : FirstAtLeast(values, from, value + 1);
}
