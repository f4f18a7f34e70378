namespace CampaignEngine.Facts;

/// <summary>
/// RFM quintile scores 1–5 over the active base: customers with at least one paid, non-refunded order
/// before the moment. R ranks the last order day (more recent is better), F the order count, M the
/// total paid. A customer's score is 1 + ⌊5 · (customers with a strictly worse value) / active⌋, so
/// ties share one score (the lower one) and a value shared by the whole base scores 1. That equals
/// 1 + the number of cut points k = 1…4 the value exceeds, where cut k is the ⌈k·n/5⌉-th smallest value —
/// which is how it is computed: counting sort for R and F (small ranges), selection for M.
/// Customers outside the active base score 0 (read as missing).
/// </summary>
internal static class RfmScoring
{
    public static void Score(FactTable t)
    {
        var n = t.RowCount;
        var active = 0;
        int minDay = int.MaxValue, maxDay = int.MinValue, maxFrequency = 0;
        for (var row = 0; row < n; row++)
        {
            if (t.Frequency[row] > 0)
            {
                active++;
                var day = t.LastOrderDay[row];
                if (day < minDay) minDay = day;
                if (day > maxDay) maxDay = day;
                if (t.Frequency[row] > maxFrequency) maxFrequency = t.Frequency[row];
            }
        }

        if (active == 0)
        {
            Array.Clear(t.RfmR);
            Array.Clear(t.RfmF);
            Array.Clear(t.RfmM);
            Array.Clear(t.Segment);
            return;
        }

        var recencyCounts = new int[maxDay - minDay + 1];
        var frequencyCounts = new int[maxFrequency + 1];
        var money = new long[active];
        var i = 0;
        for (var row = 0; row < n; row++)
        {
            if (t.Frequency[row] > 0)
            {
                recencyCounts[t.LastOrderDay[row] - minDay]++;
                frequencyCounts[t.Frequency[row]]++;
                money[i++] = t.MonetaryFen[row];
            }
        }

        Span<int> ranks = stackalloc int[4];
        Ranks(active, ranks);

        Span<int> recencyCuts = stackalloc int[4];
        Span<int> frequencyCuts = stackalloc int[4];
        Span<long> moneyCuts = stackalloc long[4];
        CutsFromCounts(recencyCounts, ranks, recencyCuts);
        CutsFromCounts(frequencyCounts, ranks, frequencyCuts);
        CutsBySelection(money, ranks, moneyCuts);

        new Cuts(minDay, recencyCuts[0], recencyCuts[1], recencyCuts[2], recencyCuts[3], frequencyCuts[0], frequencyCuts[1], frequencyCuts[2], frequencyCuts[3],
            moneyCuts[0], moneyCuts[1], moneyCuts[2], moneyCuts[3]).ScoreAll(t);
    }

    /// <summary>The cut points of one scoring (R relative to <see cref="MinDay"/>): a customer scores 1 + the number of cuts its value exceeds.</summary>
    internal readonly record struct Cuts(int MinDay, int R1, int R2, int R3, int R4, int F1, int F2, int F3, int F4, long M1, long M2, long M3, long M4)
    {
        /// <summary>Writes every customer's scores and segment, split across the cores.</summary>
        public void ScoreAll(FactTable t)
        {
            var cuts = this;
            var partitions = Math.Max(1, Math.Min(Environment.ProcessorCount, t.RowCount / 250_000));
            if (partitions == 1)
            {
                cuts.ScoreRange(t, 0, t.RowCount);
                return;
            }

            Parallel.For(0, partitions, p => cuts.ScoreRange(t, (int)((long)t.RowCount * p / partitions), (int)((long)t.RowCount * (p + 1) / partitions)));
        }

        /// <summary>
        /// <see cref="Score"/> over a range without branches: a midnight rewrites a million rows, and whether a
        /// customer is active, or above a cut, is unpredictable row to row. Inactive rows come out all 0 by
        /// masking, the segment from a table of every (r, f, m).
        /// </summary>
        private void ScoreRange(FactTable t, int from, int to)
        {
            var frequency = t.Frequency.AsSpan(from, to - from);
            var lastDay = t.LastOrderDay.AsSpan(from, frequency.Length);
            var fen = t.MonetaryFen.AsSpan(from, frequency.Length);
            var rs = t.RfmR.AsSpan(from, frequency.Length);
            var fs = t.RfmF.AsSpan(from, frequency.Length);
            var ms = t.RfmM.AsSpan(from, frequency.Length);
            var segments = t.Segment.AsSpan(from, frequency.Length);
            var table = SegmentTable;
            for (var i = 0; i < frequency.Length; i++)
            {
                var fq = frequency[i];
                var active = -(Bit(fq > 0)); // all ones when active
                var day = unchecked(lastDay[i] - MinDay);
                var money = fen[i];
                var r = (1 + Bit(day > R1) + Bit(day > R2) + Bit(day > R3) + Bit(day > R4)) & active;
                var f = (1 + Bit(fq > F1) + Bit(fq > F2) + Bit(fq > F3) + Bit(fq > F4)) & active;
                var m = (1 + Bit(money > M1) + Bit(money > M2) + Bit(money > M3) + Bit(money > M4)) & active;
                rs[i] = (byte)r;
                fs[i] = (byte)f;
                ms[i] = (byte)m;
                segments[i] = table[(r * 36) + (f * 6) + m];
            }
        }

        private static int Bit(bool value) => value ? 1 : 0; // the JIT makes this a setcc, no branch

        /// <summary>Writes one customer's scores and segment.</summary>
        public void Score(FactTable t, int row)
        {
            var fq = t.Frequency[row];
            if (fq == 0)
            {
                t.RfmR[row] = t.RfmF[row] = t.RfmM[row] = t.Segment[row] = 0;
                return;
            }

            var day = t.LastOrderDay[row] - MinDay;
            var fen = t.MonetaryFen[row];
            var r = 1 + (day > R1 ? 1 : 0) + (day > R2 ? 1 : 0) + (day > R3 ? 1 : 0) + (day > R4 ? 1 : 0);
            var f = 1 + (fq > F1 ? 1 : 0) + (fq > F2 ? 1 : 0) + (fq > F3 ? 1 : 0) + (fq > F4 ? 1 : 0);
            var m = 1 + (fen > M1 ? 1 : 0) + (fen > M2 ? 1 : 0) + (fen > M3 ? 1 : 0) + (fen > M4 ? 1 : 0);
            t.RfmR[row] = (byte)r;
            t.RfmF[row] = (byte)f;
            t.RfmM[row] = (byte)m;
            t.Segment[row] = RfmSegment.Of(r, f, m);
        }
    }

    /// <summary><see cref="RfmSegment.Of"/> for every r, f, m in 0…5, at r·36 + f·6 + m.</summary>
    private static readonly byte[] SegmentTable = BuildSegmentTable();

    private static byte[] BuildSegmentTable()
    {
        var table = new byte[6 * 6 * 6];
        for (var r = 0; r < 6; r++)
        {
            for (var f = 0; f < 6; f++)
            {
                for (var m = 0; m < 6; m++)
                {
                    table[(r * 36) + (f * 6) + m] = RfmSegment.Of(r, f, m);
                }
            }
        }

        return table;
    }

    /// <summary>The 1-based ranks ⌈k·n/5⌉, k = 1…4, whose values are the cut points.</summary>
    internal static void Ranks(int active, Span<int> ranks)
    {
        for (var k = 1; k <= 4; k++)
        {
            ranks[k - 1] = (int)(((long)k * active + 4) / 5);
        }
    }

    /// <summary>The value at each 1-based rank, from a histogram of values 0…counts.Length−1.</summary>
    internal static void CutsFromCounts(int[] counts, ReadOnlySpan<int> ranks, Span<int> cuts)
    {
        var k = 0;
        var cumulative = 0;
        for (var value = 0; value < counts.Length && k < 4; value++)
        {
            cumulative += counts[value];
            while (k < 4 && cumulative >= ranks[k])
            {
                cuts[k++] = value;
            }
        }
    }

    private static void CutsBySelection(long[] values, ReadOnlySpan<int> ranks, Span<long> cuts)
    {
        var lo = 0;
        for (var k = 0; k < 4; k++)
        {
            var index = ranks[k] - 1;
            cuts[k] = Select(values, lo, values.Length - 1, index);
            lo = index; // everything left of index is ≤ it: later ranks search only the right part
        }
    }

    /// <summary>Quickselect (Hoare partition, median of three): the value that sorted order puts at <paramref name="k"/>.</summary>
    internal static long Select(long[] a, int lo, int hi, int k)
    {
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (a[mid] < a[lo]) (a[mid], a[lo]) = (a[lo], a[mid]);
            if (a[hi] < a[lo]) (a[hi], a[lo]) = (a[lo], a[hi]);
            if (a[hi] < a[mid]) (a[hi], a[mid]) = (a[mid], a[hi]);
            var pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return a[k];
        }

        return a[k];
    }
}
