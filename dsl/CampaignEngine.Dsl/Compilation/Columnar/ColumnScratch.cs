namespace CampaignEngine.Dsl.Compilation.Columnar;

/// <summary>
/// Working buffers of the column-at-a-time evaluation, one set per thread and reused by every condition, so
/// that evaluation allocates nothing once warm. Level k holds one node's result (a bitmask, or the numbers of
/// an arithmetic node) while its parent evaluates the next operand at level k + 1.
/// </summary>
internal sealed class ColumnScratch
{
    /// <summary>Rows per chunk: a multiple of 64 (one mask word per 64 rows), small enough that a few levels of
    /// numbers stay in the L1 cache between the kernels that write and read them.</summary>
    public const int Chunk = 512;

    [ThreadStatic]
    private static ColumnScratch? current;

    private double[][] numbers = [];
    private ulong[][] masks = [];

    public static ColumnScratch For(int levels)
    {
        var scratch = current ??= new ColumnScratch();
        if (scratch.masks.Length < levels)
        {
            scratch.numbers = [.. Enumerable.Range(0, levels).Select(_ => new double[Chunk])];
            scratch.masks = [.. Enumerable.Range(0, levels).Select(_ => new ulong[Chunk / 64])];
        }

        return scratch;
    }

    public double[] Numbers(int level) => numbers[level];

    public ulong[] Mask(int level) => masks[level];
}
