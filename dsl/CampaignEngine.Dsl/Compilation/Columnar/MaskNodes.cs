using System.Numerics;

namespace CampaignEngine.Dsl.Compilation.Columnar;

/// <summary>
/// A boolean part of a condition, evaluated for a chunk of consecutive rows at once into a bitmask:
/// bit i of word i / 64 says whether row start + i passes; bits past the chunk's n rows are always zero.
/// </summary>
internal abstract class MaskNode<TContext>
{
    /// <summary>How many scratch levels, from its own up, the node uses.</summary>
    public abstract int Depth { get; }

    /// <summary>Writes the bits of rows [start, start + n) to <c>scratch.Mask(level)</c>.</summary>
    public abstract void Evaluate(TContext context, int start, int n, ColumnScratch scratch, int level);
}

/// <summary>The words of a chunk's bitmask.</summary>
internal static class MaskWords
{
    public static int Count(int n) => (n + 63) >> 6;

    /// <summary>Ones for the rows of a chunk's last word, zeros past them.</summary>
    public static ulong Last(int n) => (n & 63) == 0 ? ulong.MaxValue : (1UL << (n & 63)) - 1;
}

/// <summary><c>and</c> / <c>or</c> of several operands, cheapest first; stops early when the chunk's answer is settled
/// (no row left for <c>and</c>, every row for <c>or</c>), which is safe because operands are pure.</summary>
internal sealed class MaskLogic<TContext>(bool and, MaskNode<TContext>[] operands) : MaskNode<TContext>
{
    /// <summary><paramref name="first"/> and then <paramref name="rest"/>, one <c>and</c> when <paramref name="rest"/> is one.</summary>
    public static MaskLogic<TContext> And(MaskNode<TContext> first, MaskNode<TContext> rest)
        => new(and: true, rest is MaskLogic<TContext> { IsAnd: true } chain ? [first, .. chain.Operands] : [first, rest]);

    private bool IsAnd => and;

    private MaskNode<TContext>[] Operands => operands;

    public override int Depth => Math.Max(operands[0].Depth, operands.Skip(1).Select(o => 1 + o.Depth).DefaultIfEmpty(0).Max());

    public override void Evaluate(TContext context, int start, int n, ColumnScratch scratch, int level)
    {
        operands[0].Evaluate(context, start, n, scratch, level);
        var result = scratch.Mask(level);
        var words = MaskWords.Count(n);
        for (var o = 1; o < operands.Length && !Settled(result, words, n); o++)
        {
            if (and && operands[o] is ScalarMask<TContext> scalar && Selected(result, words) * SparseRatio < n)
            {
                scalar.Narrow(context, start, n, result);
                continue;
            }

            operands[o].Evaluate(context, start, n, scratch, level + 1);
            var next = scratch.Mask(level + 1);
            for (var w = 0; w < words; w++)
            {
                result[w] = and ? result[w] & next[w] : result[w] | next[w];
            }
        }
    }

    /// <summary>An <c>and</c> with fewer than one row in this many still selected tests a row-by-row operand only on those rows.</summary>
    private const int SparseRatio = 4;

    private static int Selected(ulong[] mask, int words)
    {
        var count = 0;
        for (var w = 0; w < words; w++)
        {
            count += BitOperations.PopCount(mask[w]);
        }

        return count;
    }

    private bool Settled(ulong[] mask, int words, int n)
    {
        if (and)
        {
            return mask.AsSpan(0, words).IndexOfAnyExcept(0UL) < 0;
        }

        return mask.AsSpan(0, words - 1).IndexOfAnyExcept(ulong.MaxValue) < 0 && mask[words - 1] == MaskWords.Last(n);
    }
}

/// <summary><c>not</c>: inverts whatever it gets (a comparison with a missing operand is false, so its <c>not</c> is true).</summary>
internal sealed class MaskNot<TContext>(MaskNode<TContext> operand) : MaskNode<TContext>
{
    public override int Depth => operand.Depth;

    public override void Evaluate(TContext context, int start, int n, ColumnScratch scratch, int level)
    {
        operand.Evaluate(context, start, n, scratch, level);
        var mask = scratch.Mask(level);
        var words = MaskWords.Count(n);
        for (var w = 0; w < words; w++)
        {
            mask[w] = ~mask[w];
        }

        mask[words - 1] &= MaskWords.Last(n);
    }
}

/// <summary>A boolean literal: <c>true</c> or <c>false</c>.</summary>
internal sealed class MaskConstant<TContext>(bool value) : MaskNode<TContext>
{
    public override int Depth => 1;

    public override void Evaluate(TContext context, int start, int n, ColumnScratch scratch, int level)
    {
        var mask = scratch.Mask(level);
        var words = MaskWords.Count(n);
        Array.Fill(mask, value ? ulong.MaxValue : 0UL, 0, words);
        mask[words - 1] &= MaskWords.Last(n);
    }
}

/// <summary>A part that is the same for every row (<c>is_holiday("春节")</c>): asked once per chunk, all bits alike.</summary>
internal sealed class MaskInvariant<TContext>(Func<TContext, bool> test) : MaskNode<TContext>
{
    public override int Depth => 1;

    public override void Evaluate(TContext context, int start, int n, ColumnScratch scratch, int level)
    {
        var mask = scratch.Mask(level);
        var words = MaskWords.Count(n);
        Array.Fill(mask, test(context) ? ulong.MaxValue : 0UL, 0, words);
        mask[words - 1] &= MaskWords.Last(n);
    }
}

/// <summary>Bits a caller put in a scratch level beforehand (the rows of a sparse selection).</summary>
internal sealed class MaskFromScratch<TContext>(int from) : MaskNode<TContext>
{
    public override int Depth => 1;

    public override void Evaluate(TContext context, int start, int n, ColumnScratch scratch, int level)
        => Array.Copy(scratch.Mask(from), scratch.Mask(level), MaskWords.Count(n));
}
