using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CampaignEngine.Dsl.Compilation.Columnar;

/// <summary>Between selection vectors (lists of row indexes) and bitmasks over consecutive rows.</summary>
internal static class SelectionVector
{
    /// <summary>Bit k in lane k: spreads 16 mask bits over the lanes of a vector.</summary>
    private static readonly Vector512<int> LaneBits = Vector512.Create(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768);

    /// <summary>Whether rows[0..count) strictly increase — a selection that narrowing a block in order produces.</summary>
    public static bool IsAscending(int[] rows, int count)
    {
        if ((uint)count > (uint)rows.Length || count == 0)
        {
            return false;
        }

        ref var from = ref MemoryMarshal.GetArrayDataReference(rows);
        var i = 0;
        for (; i + Vector256<int>.Count < count; i += Vector256<int>.Count)
        {
            if (!Vector256.LessThanAll(Vector256.LoadUnsafe(ref Unsafe.Add(ref from, i)), Vector256.LoadUnsafe(ref Unsafe.Add(ref from, i + 1))))
            {
                return false;
            }
        }

        for (; i + 1 < count; i++)
        {
            if (rows[i] >= rows[i + 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Sets the bits of the rows of <paramref name="rows"/>, from <paramref name="next"/> on, that fall in [first, first + n); returns the index of the first row past them.</summary>
    public static int Scatter(int[] rows, int count, int next, int first, int n, ulong[] mask)
    {
        Array.Clear(mask, 0, MaskWords.Count(n));
        for (; next < count && rows[next] - first < n; next++)
        {
            var bit = rows[next] - first;
            mask[bit >> 6] |= 1UL << bit;
        }

        return next;
    }

    /// <summary>
    /// Appends the rows whose bit is set (row = first + bit index) to <paramref name="selected"/> from
    /// <paramref name="passed"/> on; returns the new count. Nothing is written at or past <paramref name="room"/>,
    /// which must cover every passing row: when <paramref name="selected"/> is also the list being read, room is
    /// how far it has been read.
    /// </summary>
    public static int Append(ulong[] mask, int n, int first, int[] selected, int passed, int room)
    {
        if ((uint)room > (uint)selected.Length)
        {
            throw new ArgumentException("the selection has no room for the rows", nameof(selected));
        }

        ref var to = ref MemoryMarshal.GetArrayDataReference(selected);
        var i = 0;
        if (Avx512F.IsSupported)
        {
            // VPCOMPRESSD packs the selected rows of 16 into one store; it writes all 16 lanes, so only while they fit.
            for (; i + 16 <= n && passed + 16 <= room; i += 16)
            {
                var bits = (int)(mask[i >> 6] >> (i & 63)) & 0xFFFF;
                if (bits == 0)
                {
                    continue;
                }

                var lanes = Vector512.Equals(Vector512.Create(bits) & LaneBits, LaneBits);
                Avx512F.Compress(Vector512<int>.Zero, lanes, Vector512.Create(first + i) + Vector512<int>.Indices).StoreUnsafe(ref to, (nuint)passed);
                passed += BitOperations.PopCount((uint)bits);
            }
        }

        for (; i < n; i = (i | 63) + 1)
        {
            // The rest of the word that holds row i.
            var bits = mask[i >> 6] >> (i & 63);
            var row = first + i;
            while (bits != 0)
            {
                Unsafe.Add(ref to, passed++) = row + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
            }
        }

        return passed;
    }
}
