using System.Linq.Expressions;
using System.Numerics;
using E = System.Linq.Expressions.Expression;

namespace CampaignEngine.Dsl.Compilation.Columnar;

/// <summary>Writes the bits of a condition for rows [start, start + n) (see <see cref="MaskNode{TContext}"/>).</summary>
internal delegate void MaskLoop<TContext>(TContext context, int start, int n, ulong[] mask);

/// <summary>Writes the values of a number for rows [start, start + n) to <c>values[0..n)</c>.</summary>
internal delegate void NumberLoop<TContext>(TContext context, int start, int n, double[] values);

/// <summary>
/// The parts no kernel covers — host functions, dates, text without ids, a computed fact — compiled as a
/// row-by-row loop over the chunk, in the same lowering as the per-row predicate, with the column reads lifted
/// out of the loop. The rest of the condition stays vectorised around them.
/// </summary>
internal static class ScalarLoops
{
    public static MaskLoop<TContext> Mask<TContext>(Func<ParameterExpression, ParameterExpression, InvariantSlots, Expression> lower)
    {
        var (context, start, n, i, row, invariants, slots, body) = Loop<TContext>(lower);
        var mask = E.Parameter(typeof(ulong[]), "mask");
        var word = E.Variable(typeof(ulong), "word");
        var done = E.Label("done");
        var bit = E.LeftShift(E.Constant(1UL), E.And(i, E.Constant(63)));
        // word |= test ? 1 << (i & 63) : 0; after every 64th row the word is stored and restarted.
        var loop = E.Loop(
            E.IfThenElse(
                E.LessThan(i, n),
                E.Block(
                    E.Assign(row, E.Add(start, i)),
                    E.OrAssign(word, E.Condition(body, bit, E.Constant(0UL))),
                    E.PreIncrementAssign(i),
                    E.IfThen(
                        E.Equal(E.And(i, E.Constant(63)), E.Constant(0)),
                        E.Block(E.Assign(E.ArrayAccess(mask, E.Subtract(E.RightShift(i, E.Constant(6)), E.Constant(1))), word), E.Assign(word, E.Constant(0UL))))),
                E.Break(done)),
            done);
        var tail = E.IfThen(E.NotEqual(E.And(n, E.Constant(63)), E.Constant(0)), E.Assign(E.ArrayAccess(mask, E.RightShift(n, E.Constant(6))), word));
        var block = E.Block(
            [i, row, word, .. invariants.Variables, .. slots.Variables],
            [.. invariants.Assignments, .. slots.Resets, E.Assign(i, E.Constant(0)), E.Assign(word, E.Constant(0UL)), loop, tail]);
        return E.Lambda<MaskLoop<TContext>>(block, context, start, n, mask).Compile();
    }

    /// <summary>A number no kernel reads in place (<c>days_since_last</c>: a day column against the table's date), row by row into a chunk.</summary>
    public static NumberLoop<TContext> Numbers<TContext>(Func<ParameterExpression, ParameterExpression, InvariantSlots, Expression> lower)
    {
        var (context, start, n, i, row, invariants, slots, body) = Loop<TContext>(lower);
        var values = E.Parameter(typeof(double[]), "values");
        var done = E.Label("done");
        // for (i = 0; i < n; i++) { row = start + i; values[i] = value(row); }
        var loop = E.Loop(
            E.IfThenElse(
                E.LessThan(i, n),
                E.Block(
                    E.Assign(row, E.Add(start, i)),
                    E.Assign(E.ArrayAccess(values, i), body),
                    E.PreIncrementAssign(i)),
                E.Break(done)),
            done);
        var block = E.Block(
            [i, row, .. invariants.Variables, .. slots.Variables],
            [.. invariants.Assignments, .. slots.Resets, E.Assign(i, E.Constant(0)), loop]);
        return E.Lambda<NumberLoop<TContext>>(block, context, start, n, values).Compile();
    }

    /// <summary>
    /// Narrows a mask an <c>and</c> has already computed: tests only the rows whose bit is set and clears the
    /// bits of those that fail. Cheaper than testing every row when few are left.
    /// </summary>
    public static MaskLoop<TContext> Narrow<TContext>(Func<ParameterExpression, ParameterExpression, InvariantSlots, Expression> lower)
    {
        var (context, start, n, w, row, invariants, slots, body) = Loop<TContext>(lower);
        var mask = E.Parameter(typeof(ulong[]), "mask");
        var bits = E.Variable(typeof(ulong), "bits");
        var rest = E.Variable(typeof(ulong), "rest");
        var at = E.Variable(typeof(int), "at");
        var words = E.Variable(typeof(int), "words");
        var wordsDone = E.Label("wordsDone");
        var bitsDone = E.Label("bitsDone");
        var trailingZeros = typeof(BitOperations).GetMethod(nameof(BitOperations.TrailingZeroCount), [typeof(ulong)])!;
        // for (w = 0; w < words; w++) { bits = rest = mask[w];
        //   while (rest != 0) { at = tzcnt(rest); row = start + w * 64 + at; if (!test) bits &= ~(1 << at); rest &= rest - 1; }
        //   mask[w] = bits; }
        var perBit = E.Loop(
            E.IfThenElse(
                E.NotEqual(rest, E.Constant(0UL)),
                E.Block(
                    E.Assign(at, E.Call(trailingZeros, rest)),
                    E.Assign(row, E.Add(E.Add(start, E.LeftShift(w, E.Constant(6))), at)),
                    E.IfThen(E.Not(body), E.AndAssign(bits, E.Not(E.LeftShift(E.Constant(1UL), at)))),
                    E.AndAssign(rest, E.Subtract(rest, E.Constant(1UL)))),
                E.Break(bitsDone)),
            bitsDone);
        var perWord = E.Loop(
            E.IfThenElse(
                E.LessThan(w, words),
                E.Block(
                    E.Assign(bits, E.ArrayIndex(mask, w)),
                    E.Assign(rest, bits),
                    perBit,
                    E.Assign(E.ArrayAccess(mask, w), bits),
                    E.PreIncrementAssign(w)),
                E.Break(wordsDone)),
            wordsDone);
        var block = E.Block(
            [w, row, bits, rest, at, words, .. invariants.Variables, .. slots.Variables],
            [.. invariants.Assignments, .. slots.Resets, E.Assign(words, E.RightShift(E.Add(n, E.Constant(63)), E.Constant(6))), E.Assign(w, E.Constant(0)), perWord]);
        return E.Lambda<MaskLoop<TContext>>(block, context, start, n, mask).Compile();
    }

    private static (ParameterExpression Context, ParameterExpression Start, ParameterExpression N, ParameterExpression I, ParameterExpression Row, LoopInvariants Invariants, InvariantSlots Slots, Expression Body)
        Loop<TContext>(Func<ParameterExpression, ParameterExpression, InvariantSlots, Expression> lower)
    {
        var context = E.Parameter(typeof(TContext), "context");
        var row = E.Variable(typeof(int), "row");
        var invariants = new LoopInvariants(context);
        var slots = new InvariantSlots();
        var body = invariants.Visit(lower(context, row, slots));
        return (context, E.Parameter(typeof(int), "start"), E.Parameter(typeof(int), "n"), E.Variable(typeof(int), "i"), row, invariants, slots, body);
    }
}

/// <summary>
/// A part of a condition no kernel covers, run by a compiled row-by-row loop — over the whole chunk, or under an
/// <c>and</c> only over the rows still selected. The loops are compiled on first use: many conditions never see
/// a run of consecutive rows.
/// </summary>
internal sealed class ScalarMask<TContext>(Func<ParameterExpression, ParameterExpression, InvariantSlots, Expression> lower) : MaskNode<TContext>
{
    private MaskLoop<TContext>? everyRow;
    private MaskLoop<TContext>? selectedRows;

    public override int Depth => 1;

    public override void Evaluate(TContext context, int start, int n, ColumnScratch scratch, int level)
        => (everyRow ??= ScalarLoops.Mask<TContext>(lower))(context, start, n, scratch.Mask(level));

    /// <summary>Clears the bits of <paramref name="mask"/> whose rows fail.</summary>
    public void Narrow(TContext context, int start, int n, ulong[] mask)
        => (selectedRows ??= ScalarLoops.Narrow<TContext>(lower))(context, start, n, mask);
}

/// <summary>
/// A number field whose reader is not a plain column read, computed by a compiled loop into a chunk of numbers so
/// that the comparisons and arithmetic around it stay SIMD kernels instead of falling back to a row-by-row
/// comparison (whose branch mispredicts on every other customer). Compiled on first use.
/// </summary>
internal sealed class ScalarNumber<TContext>(Func<ParameterExpression, ParameterExpression, InvariantSlots, Expression> lower) : NumberNode<TContext>
{
    private NumberLoop<TContext>? loop;

    public override int Depth => 1;

    public override ColumnSlice Evaluate(TContext context, int start, int n, ColumnScratch scratch, int level)
    {
        var values = scratch.Numbers(level);
        (loop ??= ScalarLoops.Numbers<TContext>(lower))(context, start, n, values);
        return new ColumnSlice(values, 0);
    }
}
