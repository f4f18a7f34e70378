using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using CampaignEngine.Dsl.Syntax;

namespace CampaignEngine.Dsl.Compilation.Columnar;

/// <summary>
/// Arithmetic on two numbers, for a vector of rows and for one row: IEEE doubles, so a NaN (missing) operand
/// gives NaN, exactly as row by row. Division by zero is missing, not infinity (docs/dsl.md).
/// </summary>
internal interface INumberOperation
{
    static abstract Vector512<double> Apply(Vector512<double> a, Vector512<double> b);

    static abstract Vector256<double> Apply(Vector256<double> a, Vector256<double> b);

    static abstract double Apply(double a, double b);
}

internal readonly struct AddOperation : INumberOperation
{
    public static Vector512<double> Apply(Vector512<double> a, Vector512<double> b) => a + b;

    public static Vector256<double> Apply(Vector256<double> a, Vector256<double> b) => a + b;

    public static double Apply(double a, double b) => a + b;
}

internal readonly struct SubtractOperation : INumberOperation
{
    public static Vector512<double> Apply(Vector512<double> a, Vector512<double> b) => a - b;

    public static Vector256<double> Apply(Vector256<double> a, Vector256<double> b) => a - b;

    public static double Apply(double a, double b) => a - b;
}

internal readonly struct MultiplyOperation : INumberOperation
{
    public static Vector512<double> Apply(Vector512<double> a, Vector512<double> b) => a * b;

    public static Vector256<double> Apply(Vector256<double> a, Vector256<double> b) => a * b;

    public static double Apply(double a, double b) => a * b;
}

internal readonly struct DivideOperation : INumberOperation
{
    public static Vector512<double> Apply(Vector512<double> a, Vector512<double> b)
        => Vector512.ConditionalSelect(Vector512.Equals(b, Vector512<double>.Zero), Vector512.Create(double.NaN), a / b);

    public static Vector256<double> Apply(Vector256<double> a, Vector256<double> b)
        => Vector256.ConditionalSelect(Vector256.Equals(b, Vector256<double>.Zero), Vector256.Create(double.NaN), a / b);

    public static double Apply(double a, double b) => b == 0 ? double.NaN : a / b;
}

/// <summary>Fills a scratch buffer with an operation on a chunk of rows.</summary>
internal readonly struct NumberArithmeticKernel<TOperation> : IChunkKernel<double[]>
    where TOperation : struct, INumberOperation
{
    public static void Run<TA, TB>(TA a, TB b, double[] result, int n)
        where TA : IOperand, allows ref struct
        where TB : IOperand, allows ref struct
    {
        ref var r = ref MemoryMarshal.GetArrayDataReference(result);
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + 8 <= n; i += 8)
            {
                TOperation.Apply(a.Vector512(i), b.Vector512(i)).StoreUnsafe(ref r, (nuint)i);
            }
        }

        for (; i + 4 <= n; i += 4)
        {
            TOperation.Apply(a.Vector256(i), b.Vector256(i)).StoreUnsafe(ref r, (nuint)i);
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref r, i) = TOperation.Apply(a.Scalar(i), b.Scalar(i));
        }
    }
}

internal static class NumberArithmeticKernel
{
    public static void Run(BinaryOperator op, ColumnSlice? a, double constantA, ColumnSlice? b, double constantB, double[] result, int n)
    {
        switch (op)
        {
            case BinaryOperator.Add: ChunkKernel.Run<NumberArithmeticKernel<AddOperation>, double[]>(a, constantA, b, constantB, result, n); break;
            case BinaryOperator.Subtract: ChunkKernel.Run<NumberArithmeticKernel<SubtractOperation>, double[]>(a, constantA, b, constantB, result, n); break;
            case BinaryOperator.Multiply: ChunkKernel.Run<NumberArithmeticKernel<MultiplyOperation>, double[]>(a, constantA, b, constantB, result, n); break;
            default: ChunkKernel.Run<NumberArithmeticKernel<DivideOperation>, double[]>(a, constantA, b, constantB, result, n); break;
        }
    }
}
