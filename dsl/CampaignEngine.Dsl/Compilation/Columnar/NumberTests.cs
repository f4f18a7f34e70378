using System.Runtime.Intrinsics;
using CampaignEngine.Dsl.Syntax;

namespace CampaignEngine.Dsl.Compilation.Columnar;

/// <summary>
/// A comparison of two numbers, for a vector of rows and for one row. Every one is false when an operand
/// is NaN (missing), like the row-by-row code: the vector compares are the ordered ones, and "not equal" is
/// "less or greater", not IEEE's unordered inequality.
/// </summary>
internal interface INumberTest
{
    static abstract Vector512<double> Test(Vector512<double> a, Vector512<double> b);

    static abstract Vector256<double> Test(Vector256<double> a, Vector256<double> b);

    static abstract bool Test(double a, double b);
}

internal readonly struct EqualTest : INumberTest
{
    public static Vector512<double> Test(Vector512<double> a, Vector512<double> b) => Vector512.Equals(a, b);

    public static Vector256<double> Test(Vector256<double> a, Vector256<double> b) => Vector256.Equals(a, b);

    public static bool Test(double a, double b) => a == b;
}

internal readonly struct NotEqualTest : INumberTest
{
    public static Vector512<double> Test(Vector512<double> a, Vector512<double> b) => Vector512.LessThan(a, b) | Vector512.GreaterThan(a, b);

    public static Vector256<double> Test(Vector256<double> a, Vector256<double> b) => Vector256.LessThan(a, b) | Vector256.GreaterThan(a, b);

    public static bool Test(double a, double b) => a < b || a > b;
}

internal readonly struct LessTest : INumberTest
{
    public static Vector512<double> Test(Vector512<double> a, Vector512<double> b) => Vector512.LessThan(a, b);

    public static Vector256<double> Test(Vector256<double> a, Vector256<double> b) => Vector256.LessThan(a, b);

    public static bool Test(double a, double b) => a < b;
}

internal readonly struct LessOrEqualTest : INumberTest
{
    public static Vector512<double> Test(Vector512<double> a, Vector512<double> b) => Vector512.LessThanOrEqual(a, b);

    public static Vector256<double> Test(Vector256<double> a, Vector256<double> b) => Vector256.LessThanOrEqual(a, b);

    public static bool Test(double a, double b) => a <= b;
}

internal readonly struct GreaterTest : INumberTest
{
    public static Vector512<double> Test(Vector512<double> a, Vector512<double> b) => Vector512.GreaterThan(a, b);

    public static Vector256<double> Test(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThan(a, b);

    public static bool Test(double a, double b) => a > b;
}

internal readonly struct GreaterOrEqualTest : INumberTest
{
    public static Vector512<double> Test(Vector512<double> a, Vector512<double> b) => Vector512.GreaterThanOrEqual(a, b);

    public static Vector256<double> Test(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThanOrEqual(a, b);

    public static bool Test(double a, double b) => a >= b;
}

/// <summary>Writes a comparison of a chunk of rows as bits: bit i of word i / 64 for row i, bits past n zero.</summary>
internal readonly struct NumberTestKernel<TTest> : IChunkKernel<ulong[]>
    where TTest : struct, INumberTest
{
    public static void Run<TA, TB>(TA a, TB b, ulong[] mask, int n)
        where TA : IOperand, allows ref struct
        where TB : IOperand, allows ref struct
    {
        var i = 0;
        for (; i + 64 <= n; i += 64)
        {
            var bits = 0UL;
            if (Vector512.IsHardwareAccelerated)
            {
                for (var k = 0; k < 64; k += 8)
                {
                    bits |= (ulong)TTest.Test(a.Vector512(i + k), b.Vector512(i + k)).ExtractMostSignificantBits() << k;
                }
            }
            else
            {
                for (var k = 0; k < 64; k += 4)
                {
                    bits |= (ulong)TTest.Test(a.Vector256(i + k), b.Vector256(i + k)).ExtractMostSignificantBits() << k;
                }
            }

            mask[i >> 6] = bits;
        }

        if (i < n)
        {
            var bits = 0UL;
            for (var k = 0; i + k < n; k++)
            {
                bits |= TTest.Test(a.Scalar(i + k), b.Scalar(i + k)) ? 1UL << k : 0;
            }

            mask[i >> 6] = bits;
        }
    }
}

internal static class NumberTestKernel
{
    /// <summary>The kernel for an operator, with a literal on either side passed as a constant operand.</summary>
    public static void Run(BinaryOperator op, ColumnSlice? a, double constantA, ColumnSlice? b, double constantB, ulong[] mask, int n)
    {
        switch (op)
        {
            case BinaryOperator.Equal: ChunkKernel.Run<NumberTestKernel<EqualTest>, ulong[]>(a, constantA, b, constantB, mask, n); break;
            case BinaryOperator.NotEqual: ChunkKernel.Run<NumberTestKernel<NotEqualTest>, ulong[]>(a, constantA, b, constantB, mask, n); break;
            case BinaryOperator.Less: ChunkKernel.Run<NumberTestKernel<LessTest>, ulong[]>(a, constantA, b, constantB, mask, n); break;
            case BinaryOperator.LessOrEqual: ChunkKernel.Run<NumberTestKernel<LessOrEqualTest>, ulong[]>(a, constantA, b, constantB, mask, n); break;
            case BinaryOperator.Greater: ChunkKernel.Run<NumberTestKernel<GreaterTest>, ulong[]>(a, constantA, b, constantB, mask, n); break;
            default: ChunkKernel.Run<NumberTestKernel<GreaterOrEqualTest>, ulong[]>(a, constantA, b, constantB, mask, n); break;
        }
    }
}
