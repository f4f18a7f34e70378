using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace CampaignEngine.Orders;

/// <summary>
/// Interns UTF-8 names (customer ids, order ids, categories, styles, tags) to dense ids 0, 1, 2 … in
/// order of first appearance. Keyed by raw bytes so the ingest hot path never allocates a string per
/// row; the bytes live in one arena, which is also how order ids are stored (a few bytes each, not a
/// 40-byte string object).
/// </summary>
internal sealed class NameTable
{
    private byte[] _arena = new byte[1 << 12];
    private int _arenaLength;
    private int[] _starts = new int[64];
    // hash << 32 | (id + 1); 0 = empty. The hash sits beside the id so a probe costs one cache miss,
    // not three (bucket, hash array, arena) — interning is the ingest's hottest random access.
    // Outside the GC heap: the index of 10M order ids (128 MiB) is dropped right before the history's
    // arrays are allocated, and must not linger as garbage meanwhile.
    private NativeBuffer<long> _buckets = new(128, zeroed: true);
    private string?[]? _strings;

    public NameTable()
    {
    }

    /// <summary>Sized up front for about <paramref name="expected"/> names, so a big import never rehashes.</summary>
    public NameTable(int expected, int expectedBytesEach)
    {
        var capacity = Math.Max(64, expected);
        _starts = new int[capacity];
        _buckets.Dispose();
        _buckets = new NativeBuffer<long>(Math.Max(128, (int)BitOperations.RoundUpToPowerOf2((uint)(capacity + capacity / 3 + 1))), zeroed: true);
        _arena = new byte[(int)Math.Min(Array.MaxLength, Math.Max(4096L, (long)capacity * expectedBytesEach))];
    }

    public int Count { get; private set; }

    /// <summary>Forgets every name but keeps the arrays, so a reused per-range table allocates nothing.</summary>
    public void Clear()
    {
        _buckets.Span.Clear();
        _arenaLength = 0;
        Count = 0;
        _strings = null;
    }

    /// <summary>The id of the name, adding it when new.</summary>
    public int Intern(ReadOnlySpan<byte> name) => Intern(name, Hash(name));

    private int Intern(ReadOnlySpan<byte> name, int hash)
    {
        var buckets = _buckets.Span;
        var mask = buckets.Length - 1;
        var slot = hash & mask;
        while (true)
        {
            var entry = buckets[slot];
            if (entry == 0)
            {
                break;
            }

            if ((int)(entry >> 32) == hash)
            {
                var id = (int)entry - 1;
                if (BytesOf(id).SequenceEqual(name))
                {
                    return id;
                }
            }

            slot = (slot + 1) & mask;
        }

        return Add(name, hash, slot);
    }

    /// <summary>
    /// Interns every name of <paramref name="from"/> in order, writing their ids to <paramref name="ids"/>.
    /// For a table too big for the cache each probe is a memory miss: the buckets of a batch of names are
    /// prefetched together so the misses overlap instead of queueing.
    /// </summary>
    public void InternAll(NameList from, Span<int> ids)
    {
        for (var first = 0; first < from.Count; first += PrefetchBatch)
        {
            var count = Math.Min(PrefetchBatch, from.Count - first);
            InternBatch(ids.Slice(first, count), k => from[first + k]);
        }
    }

    /// <summary>The same for the names <paramref name="which"/> of another table.</summary>
    public void InternAll(NameTable from, ReadOnlySpan<int> which, Span<int> ids)
    {
        for (var first = 0; first < which.Length; first += PrefetchBatch)
        {
            var count = Math.Min(PrefetchBatch, which.Length - first);
            var names = which.Slice(first, count).ToArray();
            InternBatch(ids.Slice(first, count), k => from.BytesOf(names[k]));
        }
    }

    private delegate ReadOnlySpan<byte> NameAt(int index);

    private const int PrefetchBatch = 16;

    private unsafe void InternBatch(Span<int> ids, NameAt name)
    {
        Span<int> hashes = stackalloc int[PrefetchBatch];
        var mask = _buckets.Length - 1;
        fixed (long* buckets = _buckets.Span)
        {
            for (var k = 0; k < ids.Length; k++)
            {
                hashes[k] = Hash(name(k));
                Memory.Prefetch.Address(buckets + (hashes[k] & mask));
            }
        }

        for (var k = 0; k < ids.Length; k++)
        {
            ids[k] = Intern(name(k), hashes[k]);
        }
    }

    /// <summary>The id of the name, or -1 when it was never interned.</summary>
    public int Find(ReadOnlySpan<byte> name)
    {
        var hash = Hash(name);
        var buckets = _buckets.Span;
        var mask = buckets.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = buckets[slot];
            if (entry == 0)
            {
                return -1;
            }

            if ((int)(entry >> 32) == hash && BytesOf((int)entry - 1).SequenceEqual(name))
            {
                return (int)entry - 1;
            }
        }
    }

    public int Find(string name)
    {
        Span<byte> buffer = name.Length <= 128 ? stackalloc byte[name.Length * 3] : new byte[Encoding.UTF8.GetMaxByteCount(name.Length)];
        var length = Encoding.UTF8.GetBytes(name, buffer);
        return Find(buffer[..length]);
    }

    public int Intern(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        return Intern(bytes);
    }

    public ReadOnlySpan<byte> BytesOf(int id) => _arena.AsSpan(_starts[id], EndOf(id) - _starts[id]);

    /// <summary>The name as a string, decoded once and cached (names are read far more often than added).</summary>
    public string NameOf(int id)
    {
        if (_strings is null || _strings.Length < Count)
        {
            Array.Resize(ref _strings, Math.Max(Count, 64));
        }

        return _strings[id] ??= Encoding.UTF8.GetString(BytesOf(id));
    }

    /// <summary>Asks the processor for the slot of name <paramref name="id"/>'s text, ahead of <see cref="NameOf"/>.</summary>
    public void PrefetchName(int id)
    {
        if (_strings is not null)
        {
            Memory.Prefetch.Element(_strings, id);
        }
    }

    /// <summary>Asks the processor for where name <paramref name="id"/>'s bytes start: the first step of <see cref="PrefetchBytes"/>.</summary>
    public void PrefetchStart(int id) => Memory.Prefetch.Element(_starts, id);

    /// <summary>Asks the processor for name <paramref name="id"/>'s bytes, ahead of <see cref="BytesOf"/>.</summary>
    public void PrefetchBytes(int id)
    {
        if ((uint)id < (uint)Count)
        {
            Memory.Prefetch.Element(_arena, _starts[id]);
        }
    }

    /// <summary>
    /// Drops the lookup index (names stay readable by id): order ids are never looked up after ingest,
    /// and for 10M orders the index is the larger part of their memory.
    /// </summary>
    public void DropIndex()
    {
        // The arena and starts keep their presized length: trimming them would copy ~200 MB at the ingest's
        // peak, and the never-written tail of a fresh array costs address space, not resident memory.
        _buckets.Dispose();
        _buckets = new NativeBuffer<long>(0);
    }

    /// <summary>Bytes held, for the memory figure of the history.</summary>
    public long ApproximateBytes => _arena.LongLength + (_starts.LongLength + (long)_buckets.Length * 2) * 4 + (_strings?.LongLength ?? 0) * 8;

    private int EndOf(int id) => id + 1 < Count ? _starts[id + 1] : _arenaLength;

    private int Add(ReadOnlySpan<byte> name, int hash, int slot)
    {
        var id = Count;
        if (id == _starts.Length)
        {
            Array.Resize(ref _starts, id * 2);
        }

        if (_arenaLength + name.Length > _arena.Length)
        {
            Array.Resize(ref _arena, (int)Math.Min(Array.MaxLength, Math.Max(_arena.Length * 2L, _arenaLength + name.Length)));
        }

        name.CopyTo(_arena.AsSpan(_arenaLength));
        _starts[id] = _arenaLength;
        _arenaLength += name.Length;
        Count = id + 1;
        _buckets.Span[slot] = Entry(hash, id);
        // Up to 3/4 full: linear probing stays short there, and for 10M order ids a half-empty index
        // would cost another 128 MiB at the ingest's peak.
        if (Count * 4L > _buckets.Length * 3L)
        {
            Rehash();
        }

        return id;
    }

    private void Rehash()
    {
        var grown = new NativeBuffer<long>(_buckets.Length * 2, zeroed: true);
        var buckets = grown.Span;
        var mask = buckets.Length - 1;
        for (var id = 0; id < Count; id++)
        {
            // Hashes are recomputed, not stored: 4 bytes a name saved for a rehash a presized table never does.
            var hash = Hash(BytesOf(id));
            var slot = hash & mask;
            while (buckets[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            buckets[slot] = Entry(hash, id);
        }

        _buckets.Dispose();
        _buckets = grown;
    }

    private static long Entry(int hash, int id) => ((long)hash << 32) | (uint)(id + 1);

    /// <summary>
    /// A fast non-cryptographic hash: 8 bytes at a time multiply-rotate, then the MurmurHash3 finaliser so
    /// the low bits used for the bucket depend on every byte. Fixed (not per-process), so runs repeat.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)bytes.Length;
        var i = 0;
        for (; i + 8 <= bytes.Length; i += 8)
        {
            h = BitOperations.RotateLeft((h ^ MemoryMarshal.Read<ulong>(bytes[i..])) * 0x9E3779B97F4A7C15UL, 31);
        }

        ulong tail = 0;
        for (var shift = 0; i < bytes.Length; i++, shift += 8)
        {
            tail |= (ulong)bytes[i] << shift;
        }

        h = (h ^ tail) * 0x9E3779B97F4A7C15UL;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return (int)(h & 0x7FFFFFFF);
    }
}
