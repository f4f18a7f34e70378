namespace CampaignEngine.Dsl.Compilation.Columnar;

/// <summary>
/// A condition evaluated column at a time over the rows a selection spans: chunk by chunk, the plan writes a
/// bitmask, the bits of rows not in the selection are cleared, and the set bits become the new selection.
/// Allocates nothing (the scratch is per thread and reused).
/// </summary>
internal sealed class ColumnarFilter<TContext>(MaskNode<TContext> plan)
{
    /// <summary>
    /// A selection is filtered column at a time when its rows ascend and it holds at least one row in this many
    /// of those it spans: testing a row column at a time costs a small fraction of testing it row by row.
    /// </summary>
    public const int SparsestSpan = 8;

    /// <summary>For a sparse selection: the plan under an <c>and</c> with the selection's own bits, put at
    /// <see cref="selectionLevel"/> beforehand — chunks without a selected row stop there, and parts run row by row
    /// only see selected rows.</summary>
    private readonly MaskNode<TContext> withinSelection = MaskLogic<TContext>.And(new MaskFromScratch<TContext>(plan.Depth + 1), plan);

    private readonly int selectionLevel = plan.Depth + 1;

    /// <summary>Whether <see cref="Filter"/> takes this selection.</summary>
    public static bool Takes(int[] rows, int count)
        => SelectionVector.IsAscending(rows, count) && rows[count - 1] - (long)rows[0] < (long)count * SparsestSpan;

    /// <summary>
    /// Writes the passing rows of an ascending selection (<see cref="Takes"/>) to <paramref name="selected"/>, which
    /// may be <paramref name="rows"/> itself, and returns how many.
    /// </summary>
    public int Filter(TContext context, int[] rows, int count, int[] selected)
    {
        var first = rows[0];
        var span = rows[count - 1] - first + 1;
        var scratch = ColumnScratch.For(selectionLevel + 1);
        var passed = 0;
        var read = 0;
        for (var done = 0; done < span; done += ColumnScratch.Chunk)
        {
            var n = Math.Min(ColumnScratch.Chunk, span - done);
            if (span == count)
            {
                // A run of consecutive rows: every row of the chunk is selected.
                plan.Evaluate(context, first + done, n, scratch, 0);
                read += n;
            }
            else
            {
                read = SelectionVector.Scatter(rows, count, read, first + done, n, scratch.Mask(selectionLevel));
                withinSelection.Evaluate(context, first + done, n, scratch, 0);
            }

            passed = SelectionVector.Append(scratch.Mask(0), n, first + done, selected, passed, room: read);
        }

        return passed;
    }
}
