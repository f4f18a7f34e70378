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

    /// <summary>Whether rows[0..count) is first, first + 1, …: the audience <c>all</c>, or a block before any rule narrowed it.</summary>
    public static bool IsDenseRun(int[] rows, int count)
    {
        if ((uint)count > (uint)rows.Length || count == 0 || rows[count - 1] - rows[0] != count - 1)
        {
            return false;
        }

        // The ends agree; check every row between them (an unsorted list can have the same ends).
        ref var from = ref MemoryMarshal.GetArrayDataReference(rows);
        var expected = Vector256.Create(rows[0]) + Vector256<int>.Indices;
        var step = Vector256.Create(Vector256<int>.Count);
        var i = 0;
        for (; i + Vector256<int>.Count <= count; i += Vector256<int>.Count)
        {
            if (Vector256.LoadUnsafe(ref Unsafe.Add(ref from, i)) != expected)
            {
                return false;
            }

            expected += step;
        }

        for (; i < count; i++)
        {
            if (rows[i] != rows[0] + i)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Appends the rows whose bit is set (row = first + bit index) to <paramref name="selected"/> from <paramref name="passed"/> on; returns the new count.</summary>
    public static int Append(ulong[] mask, int n, int first, int[] selected, int passed)
    {
        if ((uint)(passed + n) > (uint)selected.Length)
        {
            throw new ArgumentException("the selection has no room for the rows", nameof(selected));
        }

        ref var to = ref MemoryMarshal.GetArrayDataReference(selected);
        var i = 0;
        if (Avx512F.IsSupported)
        {
            // VPCOMPRESSD packs the selected rows of 16 into one store. It writes all 16 lanes, which fits:
            // before a group of 16 at most as many rows have passed as there were rows before it.
            for (; i + 16 <= n; i += 16)
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
