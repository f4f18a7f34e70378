namespace CampaignEngine.Facts;

/// <summary>
/// Customers sorted by one RFM input (a key: last order day or money), ties by row. It answers both
/// questions a midnight recut asks: the key at a rank (a quintile cut point) and which customers lie between
/// an old and a new cut point (the only ones whose score that cut changes). A day changes a few thousand of a
/// million entries, so <see cref="Apply"/> merges them in: the untouched runs between change points are block
/// copies (memmove) and each change point is found by galloping from the previous one.
/// </summary>
internal sealed class RankedRows
{
    private long[] _keys;
    private int[] _rows;
    private long[] _spareKeys = [];
    private int[] _spareRows = [];
    private long[] _packed = [];
    private readonly bool _packRows; // rows fit 24 bits

    public RankedRows(long[] keys, int[] rows, int rowCount)
    {
        _packRows = rowCount <= 1 << 24;
        SortPairs(keys, rows);
        _packed = []; // the build's scratch is the size of the base; a day's changes need far less
        _keys = keys;
        _rows = rows;
        Count = keys.Length;
    }

    public int Count { get; private set; }

    /// <summary>The key at a 0-based rank.</summary>
    public long KeyAt(int rank) => _keys[rank];

    /// <summary>The rows whose key is in (<paramref name="above"/>, <paramref name="upTo"/>].</summary>
    public ReadOnlySpan<int> RowsIn(long above, long upTo)
    {
        var keys = _keys.AsSpan(0, Count);
        var from = FirstAbove(keys, above);
        var to = FirstAbove(keys, upTo);
        return _rows.AsSpan(from, Math.Max(0, to - from));
    }

    /// <summary>Removes the given (key, row) entries, which must be present, and adds the new ones; the spans are sorted in place.</summary>
    public void Apply(Span<long> removedKeys, Span<int> removedRows, Span<long> addedKeys, Span<int> addedRows)
    {
        SortPairs(removedKeys, removedRows);
        SortPairs(addedKeys, addedRows);
        var count = Count - removedKeys.Length + addedKeys.Length;
        if (_spareKeys.Length < count)
        {
            _spareKeys = new long[Math.Max(count, _keys.Length + 1024)];
            _spareRows = new int[_spareKeys.Length];
        }

        var keys = _keys.AsSpan(0, Count);
        var rows = _rows.AsSpan(0, Count);
        int i = 0, r = 0, a = 0, o = 0;
        while (r < removedKeys.Length || a < addedKeys.Length)
        {
            // On a tie (a customer whose key did not change) the removal goes first, then the entry goes back in.
            var add = a < addedKeys.Length && (r >= removedKeys.Length || Compare(addedKeys[a], addedRows[a], removedKeys[r], removedRows[r]) < 0);
            var next = add ? FirstAtLeast(keys, rows, i, addedKeys[a], addedRows[a]) : FirstAtLeast(keys, rows, i, removedKeys[r], removedRows[r]);
            keys[i..next].CopyTo(_spareKeys.AsSpan(o));
            rows[i..next].CopyTo(_spareRows.AsSpan(o));
            o += next - i;
            i = next;
            if (add)
            {
                _spareKeys[o] = addedKeys[a];
                _spareRows[o++] = addedRows[a++];
            }
            else
            {
                if (i >= keys.Length || keys[i] != removedKeys[r] || rows[i] != removedRows[r])
                {
                    throw new InvalidOperationException("a removed RFM entry was not in the index: the tracked values are out of step");
                }

                i++; // drop the removed entry
                r++;
            }
        }

        keys[i..].CopyTo(_spareKeys.AsSpan(o));
        rows[i..].CopyTo(_spareRows.AsSpan(o));
        (_keys, _spareKeys) = (_spareKeys, _keys);
        (_rows, _spareRows) = (_spareRows, _rows);
        Count = count;
    }

    private static int Compare(long key, int row, long otherKey, int otherRow)
        => key != otherKey ? key.CompareTo(otherKey) : row.CompareTo(otherRow);

    /// <summary>The first index ≥ <paramref name="from"/> whose entry is ≥ (key, row): gallop, then binary search.</summary>
    private static int FirstAtLeast(ReadOnlySpan<long> keys, ReadOnlySpan<int> rows, int from, long key, int row)
    {
        var step = 1;
        var lo = from;
        var hi = from;
        while (hi < keys.Length && Compare(keys[hi], rows[hi], key, row) < 0)
        {
            lo = hi + 1;
            hi = from + step;
            step <<= 1;
        }

        hi = Math.Min(hi, keys.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Compare(keys[mid], rows[mid], key, row) < 0) lo = mid + 1; else hi = mid;
        }

        return lo;
    }

    private static int FirstAbove(ReadOnlySpan<long> keys, long key)
    {
        int lo = 0, hi = keys.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (keys[mid] <= key) lo = mid + 1; else hi = mid;
        }

        return lo;
    }

    /// <summary>Sorts by key, then by row.</summary>
    private void SortPairs(Span<long> keys, Span<int> rows)
    {
        if (keys.Length < 2)
        {
            return;
        }

        long min = long.MaxValue, max = long.MinValue;
        foreach (var key in keys)
        {
            min = Math.Min(min, key);
            max = Math.Max(max, key);
        }

        // Usually (key − min, row) fits one long — days always, money below 2^39 fen — and one sort of plain
        // longs is several times faster than sorting keys with items and then the runs of equal keys by row.
        if (_packRows && (ulong)(max - min) < 1UL << 39)
        {
            if (_packed.Length < keys.Length)
            {
                _packed = new long[Math.Max(keys.Length, _packed.Length * 2)];
            }

            var packed = _packed.AsSpan(0, keys.Length);
            for (var i = 0; i < keys.Length; i++)
            {
                packed[i] = ((keys[i] - min) << 24) | (uint)rows[i];
            }

            packed.Sort();
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = (packed[i] >> 24) + min;
                rows[i] = (int)(packed[i] & 0xFFFFFF);
            }

            return;
        }

        keys.Sort(rows);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                rows[start..end].Sort();
            }

            start = end;
        }
    }
}
