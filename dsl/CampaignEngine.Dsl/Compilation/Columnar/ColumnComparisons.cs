using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using CampaignEngine.Dsl.Syntax;

namespace CampaignEngine.Dsl.Compilation.Columnar;

/// <summary>A comparison of two numbers; false where either is missing (NaN).</summary>
internal sealed class NumberComparison<TContext>(BinaryOperator op, NumberNode<TContext> left, NumberNode<TContext> right) : MaskNode<TContext>
{
    public override int Depth => Math.Max(1, Math.Max(1 + left.Depth, 2 + right.Depth));

    public override void Evaluate(TContext context, int start, int n, ColumnScratch scratch, int level)
    {
        var (a, constantA) = Operand.Of(left, context, start, n, scratch, level + 1, other: right);
        var (b, constantB) = Operand.Of(right, context, start, n, scratch, level + 2, other: left);
        NumberTestKernel.Run(op, a, constantA, b, constantB, scratch.Mask(level), n);
    }
}

/// <summary>
/// A text fact's ids against the literals' ids (<see cref="TextIdComparison"/>): equal to one of them, or
/// (negated) known — id ≥ 0 — and equal to none; with no ids and negated, that is <c>known(x)</c>. Eight rows
/// per vector compare.
/// </summary>
internal sealed class TextIdTest<TContext>(ColumnReader<TContext, int> column, int[] ids, bool negated) : MaskNode<TContext>
{
    public override int Depth => 1;

    public override void Evaluate(TContext context, int start, int n, ColumnScratch scratch, int level)
    {
        var source = column.Read(context).AsSpan(start, n);
        ref var from = ref MemoryMarshal.GetReference(source);
        var mask = scratch.Mask(level);
        var i = 0;
        for (; i + 64 <= n; i += 64)
        {
            var bits = 0UL;
            for (var k = 0; k < 64; k += 8)
            {
                bits |= (ulong)Test(Vector256.LoadUnsafe(ref Unsafe.Add(ref from, i + k))).ExtractMostSignificantBits() << k;
            }

            mask[i >> 6] = bits;
        }

        if (i < n)
        {
            var bits = 0UL;
            for (var k = 0; i + k < n; k++)
            {
                bits |= Test(Unsafe.Add(ref from, i + k)) ? 1UL << k : 0;
            }

            mask[i >> 6] = bits;
        }
    }

    private Vector256<int> Test(Vector256<int> id)
    {
        var any = Vector256<int>.Zero;
        foreach (var wanted in ids)
        {
            any |= Vector256.Equals(id, Vector256.Create(wanted));
        }

        return negated ? Vector256.AndNot(Vector256.GreaterThanOrEqual(id, Vector256<int>.Zero), any) : any;
    }

    private bool Test(int id) => negated ? id >= 0 && Array.IndexOf(ids, id) < 0 : Array.IndexOf(ids, id) >= 0;
}

/// <summary>A host column of booleans, 32 rows per vector compare.</summary>
internal sealed class BoolColumn<TContext>(ColumnReader<TContext, bool> column) : MaskNode<TContext>
{
    public override int Depth => 1;

    public override void Evaluate(TContext context, int start, int n, ColumnScratch scratch, int level)
    {
        var source = column.Read(context).AsSpan(start, n);
        ref var from = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetReference(source));
        var mask = scratch.Mask(level);
        var i = 0;
        for (; i + 64 <= n; i += 64)
        {
            var low = ~Vector256.Equals(Vector256.LoadUnsafe(ref Unsafe.Add(ref from, i)), Vector256<byte>.Zero).ExtractMostSignificantBits();
            var high = ~Vector256.Equals(Vector256.LoadUnsafe(ref Unsafe.Add(ref from, i + 32)), Vector256<byte>.Zero).ExtractMostSignificantBits();
            mask[i >> 6] = low | ((ulong)high << 32);
        }

        if (i < n)
        {
            var bits = 0UL;
            for (var k = 0; i + k < n; k++)
            {
                bits |= Unsafe.Add(ref from, i + k) != 0 ? 1UL << k : 0;
            }

            mask[i >> 6] = bits;
        }
    }
}
