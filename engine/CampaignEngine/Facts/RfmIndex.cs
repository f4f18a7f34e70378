namespace CampaignEngine.Facts;

/// <summary>
/// Keeps the RFM base ranked between days for the day-by-day dry-run: the active customers by last order
/// day and by money (<see cref="RankedRows"/>), and a histogram of frequency (counting sort). The quintile cut
/// points are those of the shop day's start (<see cref="Recut"/> at each midnight): the customers that changed
/// since the last recut leave their old places and take their new ones — a merge, not a sort. A customer's
/// score changes only if its inputs changed or a cut point moved past its value, so a recut rescores the
/// changed customers and those between each moved cut's old and new value (a few thousand of a million);
/// only when a frequency cut moves (rare: counts are small integers, a cut's run is a fifth of the base) is
/// every score rewritten. Within the day a customer who buys is rescored against the day's cut points
/// (<see cref="Rescore"/>): an hourly event sweep costs its few changed customers.
/// </summary>
internal sealed class RfmIndex
{
    private readonly int _minDay;
    private int[] _frequencyCounts;
    private readonly RankedRows _recency;
    private readonly RankedRows _money;
    private int _active;
    private RfmScoring.Cuts _cuts;
    private readonly bool[] _tracked;
    private readonly List<int> _trackedRows = [];
    private readonly List<Values> _trackedBefore = [];

    private RfmIndex(FactTable t)
    {
        var maxFrequency = 0;
        _minDay = int.MaxValue;
        for (var row = 0; row < t.RowCount; row++)
        {
            if (t.Frequency[row] > 0)
            {
                _active++;
                _minDay = Math.Min(_minDay, t.LastOrderDay[row]);
                maxFrequency = Math.Max(maxFrequency, t.Frequency[row]);
            }
        }

        if (_active == 0)
        {
            _minDay = t.Day;
        }

        _frequencyCounts = new int[maxFrequency + 16];
        var days = new long[_active];
        var money = new long[_active];
        var rows = new int[_active];
        var i = 0;
        for (var row = 0; row < t.RowCount; row++)
        {
            if (t.Frequency[row] > 0)
            {
                _frequencyCounts[t.Frequency[row]]++;
                days[i] = t.LastOrderDay[row];
                money[i] = t.MonetaryFen[row];
                rows[i++] = row;
            }
        }

        _recency = new RankedRows(days, (int[])rows.Clone(), t.RowCount);
        _money = new RankedRows(money, rows, t.RowCount);
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

    /// <summary>New cut points from every tracked customer's change; rescores every customer whose score they can change.</summary>
    public void Recut(FactTable t)
    {
        for (var k = 0; k < _trackedRows.Count; k++)
        {
            var row = _trackedRows[k];
            var before = _trackedBefore[k];
            var now = Values.Of(t, row);
            if (before.Frequency > 0)
            {
                _frequencyCounts[before.Frequency]--;
                _active--;
                if (now.Frequency == 0 || now.LastDay != before.LastDay)
                {
                    _recency.Remove(row);
                }

                if (now.Frequency == 0 || now.MoneyFen != before.MoneyFen)
                {
                    _money.Remove(row);
                }
            }

            if (now.Frequency > 0)
            {
                // Counts only grow: grow the histogram at the end.
                if (now.Frequency >= _frequencyCounts.Length) Array.Resize(ref _frequencyCounts, now.Frequency * 2 + 16);
                _frequencyCounts[now.Frequency]++;
                _active++;
                if (before.Frequency == 0 || now.LastDay != before.LastDay)
                {
                    _recency.Add(now.LastDay, row);
                }

                if (before.Frequency == 0 || now.MoneyFen != before.MoneyFen)
                {
                    _money.Add(now.MoneyFen, row);
                }
            }
        }

        var old = _cuts;
        _cuts = CutPoints();
        if ((old.F1, old.F2, old.F3, old.F4) != (_cuts.F1, _cuts.F2, _cuts.F3, _cuts.F4))
        {
            _cuts.ScoreAll(t);
        }
        else
        {
            foreach (var row in _trackedRows)
            {
                _cuts.Score(t, row);
            }

            RescoreBetween(t, _recency, _minDay, old.R1, _cuts.R1);
            RescoreBetween(t, _recency, _minDay, old.R2, _cuts.R2);
            RescoreBetween(t, _recency, _minDay, old.R3, _cuts.R3);
            RescoreBetween(t, _recency, _minDay, old.R4, _cuts.R4);
            RescoreBetween(t, _money, 0, old.M1, _cuts.M1);
            RescoreBetween(t, _money, 0, old.M2, _cuts.M2);
            RescoreBetween(t, _money, 0, old.M3, _cuts.M3);
            RescoreBetween(t, _money, 0, old.M4, _cuts.M4);
        }

        if (_trackedRows.Count > _tracked.Length / 64)
        {
            Array.Clear(_tracked); // a memset of the flags beats a cache miss per tracked customer
        }
        else
        {
            foreach (var row in _trackedRows)
            {
                _tracked[row] = false;
            }
        }

        _trackedRows.Clear();
        _trackedBefore.Clear();
    }

    /// <summary>Rescores the customers whose key lies between a cut's old and new value: on one side of it before, on the other now.</summary>
    private void RescoreBetween(FactTable t, RankedRows ranked, long origin, long oldCut, long newCut)
    {
        if (oldCut == newCut)
        {
            return;
        }

        // Day cuts are relative to the first day, and int.MaxValue for an empty base: keep that unreachable.
        var low = Math.Min(oldCut, newCut);
        var high = Math.Max(oldCut, newCut);
        foreach (var row in ranked.RowsIn(Shift(low, origin), Shift(high, origin)))
        {
            _cuts.Score(t, row);
        }

        static long Shift(long value, long origin) => origin == 0 ? value : value >= int.MaxValue ? long.MaxValue : value + origin;
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
        Span<int> frequencyCuts = stackalloc int[4];
        RfmScoring.CutsFromCounts(_frequencyCounts, ranks, frequencyCuts);
        return new RfmScoring.Cuts(_minDay,
            RecencyAt(ranks[0]), RecencyAt(ranks[1]), RecencyAt(ranks[2]), RecencyAt(ranks[3]),
            frequencyCuts[0], frequencyCuts[1], frequencyCuts[2], frequencyCuts[3],
            _money.KeyAt(ranks[0] - 1), _money.KeyAt(ranks[1] - 1), _money.KeyAt(ranks[2] - 1), _money.KeyAt(ranks[3] - 1));

        int RecencyAt(int rank) => (int)(_recency.KeyAt(rank - 1) - _minDay);
    }
}
