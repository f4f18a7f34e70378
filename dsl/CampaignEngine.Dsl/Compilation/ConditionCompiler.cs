using System.Linq.Expressions;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Compilation.Columnar;
using E = System.Linq.Expressions.Expression;

namespace CampaignEngine.Dsl.Compilation;

/// <summary>
/// Compiles a checked condition three ways: a per-row predicate; a block filter whose loop is inside the
/// compiled code, so the delegate call is paid once per block of rows (DESIGN.md, "How it gets fast"); and a
/// column-at-a-time plan, where SIMD kernels test whole columns into bitmasks, for a block whose rows ascend and
/// are not too sparse — a run of consecutive rows (the audience <c>all</c>, the first condition after it) or
/// what an audience or an earlier rule left of one.
/// </summary>
internal static class ConditionCompiler
{
    /// <summary>Below this many rows the column plan's set-up is not worth it.</summary>
    private const int ShortestColumnarRun = 64;

    public static CompiledCondition<TContext> Compile<TContext>(BoundExpression condition, string text, string source, SourcePlacement placement)
    {
        var context = E.Parameter(typeof(TContext), "context");
        var row = E.Parameter(typeof(int), "row");
        var test = E.Lambda<RowPredicate<TContext>>(new ExpressionLowering(context, row).Lower(condition), context, row).Compile();
        var rowByRow = RowByRowFilter<TContext>(condition);
        var columnar = new ColumnarFilter<TContext>(ColumnarPlanner.Condition<TContext>(condition));
        var mayHold = AnyoneTest.Compile<TContext>(condition);
        RowFilter<TContext> filter = (context, rows, count, selected)
            => count >= ShortestColumnarRun && ColumnarFilter<TContext>.Takes(rows, count)
                ? columnar.Filter(context, rows, count, selected)
                : rowByRow(context, rows, count, selected);
        if (mayHold is not null)
        {
            // The parts that are the same for everyone rule out the whole block: no row is read.
            var everyRow = filter;
            filter = (context, rows, count, selected) => count > 0 && !AnyoneTest.Ask(mayHold, context) ? 0 : everyRow(context, rows, count, selected);
        }

        return new CompiledCondition<TContext>(test, filter, text, mayHold)
        {
            Explain = ConditionExplainer.Build<TContext>(condition, source, placement),
            RowByRow = rowByRow,
            Columnar = columnar,
        };
    }

    private static RowFilter<TContext> RowByRowFilter<TContext>(BoundExpression condition)
    {
        var context = E.Parameter(typeof(TContext), "context");
        var rows = E.Parameter(typeof(int[]), "rows");
        var count = E.Parameter(typeof(int), "count");
        var selected = E.Parameter(typeof(int[]), "selected");
        var i = E.Variable(typeof(int), "i");
        var passed = E.Variable(typeof(int), "passed");
        var row = E.Variable(typeof(int), "row");
        var done = E.Label(typeof(int), "done");

        var invariants = new LoopInvariants(context);
        var slots = new InvariantSlots();
        var test = invariants.Visit(new ExpressionLowering(context, row, slots).Lower(condition));

        // for (i = 0; i < count; i++) { row = rows[i]; selected[passed] = row; passed += test(row) ? 1 : 0; } return passed;
        var loop = E.Loop(
            E.IfThenElse(
                E.LessThan(i, count),
                E.Block(
                    E.Assign(row, E.ArrayIndex(rows, i)),
                    // Branch-free selection: always write, advance only on a match (a 50% match rate
                    // would otherwise mispredict every other row). passed <= i < count, so it stays in bounds.
                    E.Assign(E.ArrayAccess(selected, passed), row),
                    E.AddAssign(passed, E.Condition(test, E.Constant(1), E.Constant(0))),
                    E.PreIncrementAssign(i)),
                E.Break(done, passed)),
            done);
        var body = E.Block(
            [i, passed, row, .. invariants.Variables, .. slots.Variables],
            [.. invariants.Assignments, .. slots.Resets, E.Assign(i, E.Constant(0)), E.Assign(passed, E.Constant(0)), loop]);
        return E.Lambda<RowFilter<TContext>>(body, context, rows, count, selected).Compile();
    }
}
