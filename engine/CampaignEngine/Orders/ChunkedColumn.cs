namespace CampaignEngine.Orders;

/// <summary>
/// A growable column of values kept in fixed 64K-element chunks. Unlike a <see cref="List{T}"/> it never
/// doubles and copies: growing by one chunk costs one small allocation, so a 10M-row ingest neither
/// over-allocates by up to half nor holds the old and the new array at once. <see cref="Release"/> lets
/// the builder give each source column back as soon as its final, sorted array is made.
/// </summary>
internal sealed class ChunkedColumn<T>
    where T : unmanaged
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;
    private const int ChunkMask = ChunkSize - 1;
    private T[][] _chunks = new T[4][];

    public int Count { get; private set; }

    public T this[int index]
    {
        get => _chunks[index >> ChunkBits][index & ChunkMask];
        set => _chunks[index >> ChunkBits][index & ChunkMask] = value;
    }

    public void Add(T value)
    {
        var chunk = Count >> ChunkBits;
        if (chunk == _chunks.Length)
        {
            Array.Resize(ref _chunks, _chunks.Length * 2);
        }

        (_chunks[chunk] ??= new T[ChunkSize])[Count & ChunkMask] = value;
        Count++;
    }

    public void AddRange(ReadOnlySpan<T> values)
    {
        while (!values.IsEmpty)
        {
            var chunk = Count >> ChunkBits;
            if (chunk == _chunks.Length)
            {
                Array.Resize(ref _chunks, _chunks.Length * 2);
            }

            var free = (_chunks[chunk] ??= new T[ChunkSize]).AsSpan(Count & ChunkMask);
            var take = Math.Min(free.Length, values.Length);
            values[..take].CopyTo(free);
            values = values[take..];
            Count += take;
        }
    }

    /// <summary>The values in the order of <paramref name="order"/> (result[i] = this[order[i]]), then releases the column.</summary>
    public T[] GatherAndRelease(ReadOnlySpan<int> order)
    {
        var result = new T[order.Length];
        var chunks = _chunks;
        for (var i = 0; i < result.Length; i++)
        {
            var from = order[i];
            result[i] = chunks[from >> ChunkBits][from & ChunkMask];
        }

        Release();
        return result;
    }

    /// <summary>The values moved to <paramref name="destination"/> (result[destination[i]] = this[i]), then releases the column.</summary>
    public T[] ScatterAndRelease(ReadOnlySpan<int> destination)
    {
        var result = new T[Count];
        for (var chunk = 0; chunk * ChunkSize < Count; chunk++)
        {
            var values = _chunks[chunk];
            var first = chunk * ChunkSize;
            var length = Math.Min(ChunkSize, Count - first);
            for (var i = 0; i < length; i++)
            {
                result[destination[first + i]] = values[i];
            }
        }

        Release();
        return result;
    }

    /// <summary>Drops every chunk: the column is empty and its memory can be collected.</summary>
    public void Release()
    {
        _chunks = new T[4][];
        Count = 0;
    }
}
