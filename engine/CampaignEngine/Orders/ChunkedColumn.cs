using System.Runtime.InteropServices;

namespace CampaignEngine.Orders;

/// <summary>
/// A growable column of values kept in fixed 8M-element chunks of native memory. Unlike a
/// <see cref="List{T}"/> it never doubles and copies, so a 10M-row ingest neither over-allocates by up
/// to half nor holds the old and the new array at once; and because the chunks live outside the GC heap,
/// <see cref="Release"/> hands the memory back at once, not at some later full collection — the builder
/// releases each source column as soon as its sorted array is made, which is what keeps the peak near
/// one history instead of two. Chunks are that big (32 MiB of ints) because the C allocator maps blocks
/// of 32 MiB and more straight from the system and unmaps them on free, while smaller blocks stay in its
/// heap after a free; a chunk's unwritten tail is address space only, never touched, never resident.
/// </summary>
internal sealed unsafe class ChunkedColumn<T> : IDisposable
    where T : unmanaged
{
    private const int ChunkBits = 23;
    private const int ChunkSize = 1 << ChunkBits;
    private const int ChunkMask = ChunkSize - 1;
    private nint[] _chunks = new nint[2];
    private int _allocated;

    ~ChunkedColumn() => Free();

    public int Count { get; private set; }

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return ((T*)_chunks[index >> ChunkBits])[index & ChunkMask];
        }
    }

    public void Add(T value)
    {
        if ((Count & ChunkMask) == 0)
        {
            Grow();
        }

        ((T*)_chunks[Count >> ChunkBits])[Count & ChunkMask] = value;
        Count++;
    }

    public void AddRange(ReadOnlySpan<T> values)
    {
        while (!values.IsEmpty)
        {
            if ((Count & ChunkMask) == 0)
            {
                Grow();
            }

            var free = new Span<T>((T*)_chunks[Count >> ChunkBits] + (Count & ChunkMask), ChunkSize - (Count & ChunkMask));
            var take = Math.Min(free.Length, values.Length);
            values[..take].CopyTo(free);
            values = values[take..];
            Count += take;
        }
    }

    /// <summary>The values in the order of <paramref name="order"/> (result[i] = this[order[i]]), then releases the column.</summary>
    public T[] GatherAndRelease(ReadOnlySpan<int> order)
    {
        var result = GC.AllocateUninitializedArray<T>(order.Length);
        var chunks = _chunks;
        for (var i = 0; i < result.Length; i++)
        {
            var from = order[i];
            if ((uint)from >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(order));
            }

            result[i] = ((T*)chunks[from >> ChunkBits])[from & ChunkMask];
        }

        Release();
        return result;
    }

    /// <summary>The values moved to <paramref name="destination"/> (result[destination[i]] = this[i]), then releases the column.</summary>
    public T[] ScatterAndRelease(ReadOnlySpan<int> destination)
    {
        var result = GC.AllocateUninitializedArray<T>(Count);
        for (var chunk = 0; chunk * ChunkSize < Count; chunk++)
        {
            var first = chunk * ChunkSize;
            var values = new ReadOnlySpan<T>((T*)_chunks[chunk], Math.Min(ChunkSize, Count - first));
            var to = destination.Slice(first, values.Length);
            for (var i = 0; i < values.Length; i++)
            {
                result[to[i]] = values[i];
            }
        }

        Release();
        return result;
    }

    /// <summary>Frees every chunk: the column is empty and its memory is back with the system.</summary>
    public void Release()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    public void Dispose() => Release();

    private void Grow()
    {
        var chunk = Count >> ChunkBits;
        if (chunk < _allocated)
        {
            return;
        }

        if (chunk == _chunks.Length)
        {
            Array.Resize(ref _chunks, _chunks.Length * 2);
        }

        _chunks[chunk] = (nint)NativeMemory.Alloc(ChunkSize, (nuint)sizeof(T));
        _allocated = chunk + 1;
    }

    private void Free()
    {
        for (var i = 0; i < _allocated; i++)
        {
            NativeMemory.Free((void*)_chunks[i]);
            _chunks[i] = 0;
        }

        _allocated = 0;
        Count = 0;
    }
}
