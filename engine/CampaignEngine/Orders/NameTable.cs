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
    private int[] _hashes = new int[64];
    private int[] _buckets = new int[128]; // id + 1; 0 = empty
    private string?[] _strings = new string?[64];

    public int Count { get; private set; }

    /// <summary>The id of the name, adding it when new.</summary>
    public int Intern(ReadOnlySpan<byte> name)
    {
        var hash = Hash(name);
        var mask = _buckets.Length - 1;
        var slot = hash & mask;
        while (true)
        {
            var entry = _buckets[slot];
            if (entry == 0)
            {
                break;
            }

            var id = entry - 1;
            if (_hashes[id] == hash && BytesOf(id).SequenceEqual(name))
            {
                return id;
            }

            slot = (slot + 1) & mask;
        }

        return Add(name, hash, slot);
    }

    /// <summary>The id of the name, or -1 when it was never interned.</summary>
    public int Find(ReadOnlySpan<byte> name)
    {
        var hash = Hash(name);
        var mask = _buckets.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _buckets[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (_hashes[entry - 1] == hash && BytesOf(entry - 1).SequenceEqual(name))
            {
                return entry - 1;
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
    public string NameOf(int id) => _strings[id] ??= Encoding.UTF8.GetString(BytesOf(id));

    /// <summary>Bytes held, for the memory figure of the history.</summary>
    public long ApproximateBytes => _arena.LongLength + (_starts.LongLength + _hashes.LongLength + _buckets.LongLength) * 4 + _strings.LongLength * 8;

    private int EndOf(int id) => id + 1 < Count ? _starts[id + 1] : _arenaLength;

    private int Add(ReadOnlySpan<byte> name, int hash, int slot)
    {
        var id = Count;
        if (id == _starts.Length)
        {
            Array.Resize(ref _starts, id * 2);
            Array.Resize(ref _hashes, id * 2);
            Array.Resize(ref _strings, id * 2);
        }

        if (_arenaLength + name.Length > _arena.Length)
        {
            Array.Resize(ref _arena, (int)Math.Min(Array.MaxLength, Math.Max(_arena.Length * 2L, _arenaLength + name.Length)));
        }

        name.CopyTo(_arena.AsSpan(_arenaLength));
        _starts[id] = _arenaLength;
        _hashes[id] = hash;
        _arenaLength += name.Length;
        Count = id + 1;
        _buckets[slot] = id + 1;
        if (Count * 2 > _buckets.Length)
        {
            Rehash();
        }

        return id;
    }

    private void Rehash()
    {
        var buckets = new int[_buckets.Length * 2];
        var mask = buckets.Length - 1;
        for (var id = 0; id < Count; id++)
        {
            var slot = _hashes[id] & mask;
            while (buckets[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            buckets[slot] = id + 1;
        }

        _buckets = buckets;
    }

    /// <summary>A fast non-cryptographic hash (8 bytes at a time, multiply-rotate); fixed, so runs are repeatable.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        ulong h = 0x9E3779B97F4A7C15UL ^ (ulong)bytes.Length;
        var i = 0;
        for (; i + 8 <= bytes.Length; i += 8)
        {
            h = (BitOperations.RotateLeft(h ^ MemoryMarshal.Read<ulong>(bytes[i..]), 29) * 0xBF58476D1CE4E5B9UL);
        }

        ulong tail = 0;
        for (var shift = 0; i < bytes.Length; i++, shift += 8)
        {
            tail |= (ulong)bytes[i] << shift;
        }

        h = BitOperations.RotateLeft(h ^ tail, 29) * 0x94D049BB133111EBUL;
        h ^= h >> 31;
        return (int)(h & 0x7FFFFFFF);
    }
}
