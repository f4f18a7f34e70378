using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CampaignEngine.Dsl.Compilation.Columnar;

/// <summary>The numbers of a chunk of rows: a slice of a host's column or of a scratch buffer.</summary>
internal readonly record struct ColumnSlice(double[] Array, int Offset);

/// <summary>
/// One side of a kernel, as a generic struct argument so that the JIT compiles a kernel per combination
/// (column with column, column with literal) and the inner loop has no branch on the kind of operand.
/// Vectors of 8 rows where AVX-512 runs, else 4.
/// </summary>
internal interface IOperand
{
    Vector512<double> Vector512(int i);

    Vector256<double> Vector256(int i);

    double Scalar(int i);
}

/// <summary>A slice of numbers, held as a reference to its first element; the caller checked its bounds.</summary>
internal readonly ref struct SliceOperand(ColumnSlice slice) : IOperand
{
    private readonly ref double first = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(slice.Array), slice.Offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> Vector512(int i) => System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref first, (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Vector256(int i) => System.Runtime.Intrinsics.Vector256.LoadUnsafe(ref first, (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Scalar(int i) => Unsafe.Add(ref first, i);
}

/// <summary>A literal, the same for every row.</summary>
internal readonly struct ConstantOperand(double value) : IOperand
{
    private readonly Vector512<double> vector = System.Runtime.Intrinsics.Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> Vector512(int i) => vector;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Vector256(int i) => vector.GetLower();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Scalar(int i) => value;
}

/// <summary>A kernel over two operands of a chunk of rows, writing <typeparamref name="TResult"/> (a bitmask, numbers).</summary>
internal interface IChunkKernel<TResult>
{
    static abstract void Run<TA, TB>(TA a, TB b, TResult result, int n)
        where TA : IOperand, allows ref struct
        where TB : IOperand, allows ref struct;
}

internal static class ChunkKernel
{
    /// <summary>Runs a kernel on two operands, each a slice or (null slice) a literal (<see cref="Operand.Of"/> never passes two literals).</summary>
    public static void Run<TKernel, TResult>(ColumnSlice? a, double constantA, ColumnSlice? b, double constantB, TResult result, int n)
        where TKernel : IChunkKernel<TResult>
    {
        if (a is { } left && b is { } right)
        {
            TKernel.Run(new SliceOperand(left), new SliceOperand(right), result, n);
        }
        else if (a is { } column)
        {
            TKernel.Run(new SliceOperand(column), new ConstantOperand(constantB), result, n);
        }
        else
        {
            TKernel.Run(new ConstantOperand(constantA), new SliceOperand(b!.Value), result, n);
        }
    }
}
