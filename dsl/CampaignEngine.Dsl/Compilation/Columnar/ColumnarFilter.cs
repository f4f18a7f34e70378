namespace CampaignEngine.Dsl.Compilation.Columnar;

/// <summary>
/// A condition evaluated column at a time over a dense run of rows: chunk by chunk, the plan writes a bitmask
/// and the set bits become the selection vector. Allocates nothing (the scratch is per thread and reused).
/// </summary>
internal sealed class ColumnarFilter<TContext>(MaskNode<TContext> plan)
{
    private readonly int levels = plan.Depth;

    /// <summary>Writes the passing rows of [first, first + count) to <paramref name="selected"/> and returns how many.</summary>
    public int Filter(TContext context, int first, int count, int[] selected)
    {
        var scratch = ColumnScratch.For(levels);
        var passed = 0;
        for (var done = 0; done < count; done += ColumnScratch.Chunk)
        {
            var n = Math.Min(ColumnScratch.Chunk, count - done);
            plan.Evaluate(context, first + done, n, scratch, 0);
            passed = SelectionVector.Append(scratch.Mask(0), n, first + done, selected, passed);
        }

        return passed;
    }
}
