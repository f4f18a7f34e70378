using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using CampaignEngine.Dsl.Syntax;

namespace CampaignEngine.Dsl.Compilation.Columnar;

/// <summary>A number-valued part of a condition, evaluated for a chunk of consecutive rows at once.</summary>
internal abstract class NumberNode<TContext>
{
    /// <summary>How many scratch levels, from its own up, the node uses.</summary>
    public abstract int Depth { get; }

    /// <summary>The values of rows [start, start + n): in the host's column, or in <c>scratch.Numbers(level)</c>.</summary>
    public abstract ColumnSlice Evaluate(TContext context, int start, int n, ColumnScratch scratch, int level);
}

/// <summary>A literal. Kernels take it as a constant operand; it is only spelled out when both operands are literals.</summary>
internal sealed class NumberConstant<TContext>(double value) : NumberNode<TContext>
{
    public double Value => value;

    public override int Depth => 1;

    public override ColumnSlice Evaluate(TContext context, int start, int n, ColumnScratch scratch, int level)
    {
        var values = scratch.Numbers(level);
        Array.Fill(values, value, 0, n);
        return new ColumnSlice(values, 0);
    }
}

/// <summary>A host column of doubles, read in place.</summary>
internal sealed class DoubleColumn<TContext>(ColumnReader<TContext, double> column) : NumberNode<TContext>
{
    public override int Depth => 0;

    public override ColumnSlice Evaluate(TContext context, int start, int n, ColumnScratch scratch, int level)
    {
        var values = column.Read(context);
        // The row-by-row code would throw IndexOutOfRangeException; so does this, before any unchecked read.
        if ((uint)start > (uint)values.Length || (uint)n > (uint)(values.Length - start))
        {
            throw new IndexOutOfRangeException($"rows {start}..{start + n - 1} are outside a column of {values.Length}");
        }

        return new ColumnSlice(values, start);
    }
}

/// <summary>A host column of ints read as doubles (counts such as frequency), converted four at a time.</summary>
internal sealed class IntColumn<TContext>(ColumnReader<TContext, int> column) : NumberNode<TContext>
{
    public override int Depth => 1;

    public override ColumnSlice Evaluate(TContext context, int start, int n, ColumnScratch scratch, int level)
    {
        var source = column.Read(context).AsSpan(start, n);
        var values = scratch.Numbers(level);
        ref var to = ref MemoryMarshal.GetArrayDataReference(values);
        ref var from = ref MemoryMarshal.GetReference(source);
        var i = 0;
        if (Avx.IsSupported)
        {
            for (; i + 4 <= n; i += 4)
            {
                Avx.ConvertToVector256Double(Vector128.LoadUnsafe(ref Unsafe.Add(ref from, i))).StoreUnsafe(ref Unsafe.Add(ref to, i));
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref to, i) = Unsafe.Add(ref from, i);
        }

        return new ColumnSlice(values, 0);
    }
}

/// <summary><c>a + b</c>, <c>a - b</c>, <c>a * b</c>, <c>a / b</c> on numbers.</summary>
internal sealed class NumberArithmetic<TContext>(BinaryOperator op, NumberNode<TContext> left, NumberNode<TContext> right) : NumberNode<TContext>
{
    public override int Depth => Math.Max(1, Math.Max(1 + left.Depth, 2 + right.Depth));

    public override ColumnSlice Evaluate(TContext context, int start, int n, ColumnScratch scratch, int level)
    {
        var (a, constantA) = Operand.Of(left, context, start, n, scratch, level + 1, other: right);
        var (b, constantB) = Operand.Of(right, context, start, n, scratch, level + 2, other: left);
        var values = scratch.Numbers(level);
        NumberArithmeticKernel.Run(op, a, constantA, b, constantB, values, n);
        return new ColumnSlice(values, 0);
    }
}

/// <summary>Evaluates an operand of a binary kernel: a literal stays a constant unless the other side is one too.</summary>
internal static class Operand
{
    public static (ColumnSlice? Slice, double Constant) Of<TContext>(NumberNode<TContext> node, TContext context, int start, int n, ColumnScratch scratch, int level, NumberNode<TContext> other)
        => node is NumberConstant<TContext> constant && other is not NumberConstant<TContext>
            ? (null, constant.Value)
            : (node.Evaluate(context, start, n, scratch, level), 0);
}
