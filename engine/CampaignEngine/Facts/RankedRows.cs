namespace CampaignEngine.Facts;

/// <summary>
/// Customers ranked by one RFM input (a key: last order day or money). It answers both questions a midnight
/// recut asks: the key at a rank (a quintile cut point) and which customers lie between an old and a new cut
/// point (the only ones whose score that cut changes). The entries sit in buckets by key range, unordered
/// inside a bucket, and every customer knows its slot: a day's few thousand changes are each a swap-remove and
/// an append, touching nothing else — a sorted array would move all million entries every midnight. A rank is
/// found by walking the buckets' counts and selecting inside one bucket. Buckets split when they grow.
/// </summary>
internal sealed class RankedRows
{
    private const int BuildSize = 1024;
    private const int SplitSize = 4096;

    // Bucket ids are stable (a customer's slot names one); _order lists them by key range, _lowest holds each
    // range's lowest key in the same order (the first is long.MinValue).
    private readonly List<int> _order = [];
    private readonly List<long> _lowest = [];
    private readonly List<long[]> _keys = [];
    private readonly List<int[]> _rows = [];
    private readonly List<int> _counts = [];
    private readonly List<int> _splitAt = [];
    private readonly int[] _bucketOf;
    private readonly int[] _slotOf;
    private long[] _scratch = new long[SplitSize];
    private int[] _found = new int[256];

    public RankedRows(long[] keys, int[] rows, int rowCount)
    {
        _bucketOf = new int[rowCount];
        _slotOf = new int[rowCount];
        _bucketOf.AsSpan().Fill(-1);
        keys.AsSpan().Sort(rows.AsSpan());
        Count = keys.Length;
        var start = 0;
        while (start < keys.Length || _order.Count == 0)
        {
            // Equal keys share a bucket: a bucket is a key range.
            var end = Math.Min(keys.Length, start + BuildSize);
            while (end < keys.Length && keys[end] == keys[end - 1])
            {
                end++;
            }

            var id = NewBucket(Math.Max(SplitSize, (end - start) * 2));
            _order.Add(id);
            _lowest.Add(_order.Count == 1 ? long.MinValue : keys[start]);
            for (var i = start; i < end; i++)
            {
                Put(id, keys[i], rows[i]);
            }

            start = end;
        }
    }

    public int Count { get; private set; }

    /// <summary>The key at a 0-based rank.</summary>
    public long KeyAt(int rank)
    {
        for (var p = 0; p < _order.Count; p++)
        {
            var id = _order[p];
            if (rank < _counts[id])
            {
                if (_scratch.Length < _counts[id])
                {
                    _scratch = new long[_counts[id] * 2];
                }

                // Selection, not a sort: eight cut points a midnight, each in a bucket of thousands.
                _keys[id].AsSpan(0, _counts[id]).CopyTo(_scratch);
                return RfmScoring.Select(_scratch, 0, _counts[id] - 1, rank);
            }

            rank -= _counts[id];
        }

        throw new ArgumentOutOfRangeException(nameof(rank));
    }

    /// <summary>The rows whose key is in (<paramref name="above"/>, <paramref name="upTo"/>]; valid until the next call.</summary>
    public ReadOnlySpan<int> RowsIn(long above, long upTo)
    {
        var found = 0;
        for (var p = Position(above); p < _order.Count && _lowest[p] <= upTo; p++)
        {
            var id = _order[p];
            var keys = _keys[id];
            var rows = _rows[id];
            for (var i = 0; i < _counts[id]; i++)
            {
                if (keys[i] > above && keys[i] <= upTo)
                {
                    if (found == _found.Length)
                    {
                        Array.Resize(ref _found, found * 2);
                    }

                    _found[found++] = rows[i];
                }
            }
        }

        return _found.AsSpan(0, found);
    }

    public void Remove(int row)
    {
        var id = _bucketOf[row];
        var slot = _slotOf[row];
        var last = --_counts[id];
        var keys = _keys[id];
        var rows = _rows[id];
        keys[slot] = keys[last];
        rows[slot] = rows[last];
        _slotOf[rows[slot]] = slot;
        _bucketOf[row] = -1;
        Count--;
    }

    public void Add(long key, int row)
    {
        var p = Position(key);
        var id = _order[p];
        Put(id, key, row);
        Count++;
        if (_counts[id] >= _splitAt[id])
        {
            Split(p);
        }
    }

    /// <summary>The position in <see cref="_order"/> of the bucket whose range holds <paramref name="key"/>.</summary>
    private int Position(long key)
    {
        int lo = 1, hi = _lowest.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_lowest[mid] <= key) lo = mid + 1; else hi = mid;
        }

        return lo - 1;
    }

    private int NewBucket(int capacity)
    {
        _keys.Add(new long[capacity]);
        _rows.Add(new int[capacity]);
        _counts.Add(0);
        _splitAt.Add(SplitSize);
        return _keys.Count - 1;
    }

    private void Put(int id, long key, int row)
    {
        var slot = _counts[id]++;
        if (slot == _keys[id].Length)
        {
            var keys = _keys[id];
            var rows = _rows[id];
            Array.Resize(ref keys, slot * 2);
            Array.Resize(ref rows, slot * 2);
            _keys[id] = keys;
            _rows[id] = rows;
        }

        _keys[id][slot] = key;
        _rows[id][slot] = row;
        _bucketOf[row] = id;
        _slotOf[row] = slot;
    }

    /// <summary>Moves the upper half of a grown bucket's key range to a new bucket (a bucket of one key stays whole).</summary>
    private void Split(int position)
    {
        var id = _order[position];
        var count = _counts[id];
        if (_keys[id].AsSpan(0, count).IndexOfAnyExcept(_keys[id][0]) < 0)
        {
            _splitAt[id] = count * 2; // one key (a day's buyers): nothing to split until other keys arrive
            return;
        }

        if (_scratch.Length < count)
        {
            _scratch = new long[count * 2];
        }

        var copy = _scratch.AsSpan(0, count);
        _keys[id].AsSpan(0, count).CopyTo(copy);
        var split = RfmScoring.Select(_scratch, 0, count - 1, count / 2); // the median key
        var lowest = copy[0];
        foreach (var key in copy)
        {
            lowest = Math.Min(lowest, key);
        }

        if (split == lowest)
        {
            // Half the bucket holds its lowest key: split above it, at the smallest other key (there is one, checked above).
            split = long.MaxValue;
            foreach (var key in copy)
            {
                if (key > lowest && key < split)
                {
                    split = key;
                }
            }
        }

        var upper = NewBucket(SplitSize);
        _order.Insert(position + 1, upper);
        _lowest.Insert(position + 1, split);
        var keys = _keys[id];
        var rows = _rows[id];
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (keys[i] >= split)
            {
                Put(upper, keys[i], rows[i]);
            }
            else
            {
                keys[kept] = keys[i];
                rows[kept] = rows[i];
                _slotOf[rows[kept]] = kept;
                kept++;
            }
        }

        _counts[id] = kept;
    }
}
