using System.Linq.Expressions;

namespace CampaignEngine.Dsl.Compilation.Columnar;

/// <summary>
/// Recognises a field reader that is a plain array read, <c>(c, row) =&gt; c.Cycle[row]</c> (or an int array read
/// as a double), where the array is reached from the context by fields and properties alone. Such a fact is a
/// column: the kernels read the array itself, a chunk of rows at a time. Anything else is read row by row.
/// </summary>
internal static class ColumnReads
{
    /// <summary>The array of a reader <c>(c, row) =&gt; array[row]</c> as <c>c =&gt; array</c>, when the reader is one.</summary>
    public static ColumnReader<TContext, T>? Column<TContext, T>(LambdaExpression read)
    {
        var body = read.Body;
        if (typeof(T) == typeof(int))
        {
            // Only an int array read as a number (a count): an int read as itself is a date or a time.
            body = body is UnaryExpression { NodeType: ExpressionType.Convert } convert && convert.Type == typeof(double) ? convert.Operand : null;
        }

        if (body is BinaryExpression { NodeType: ExpressionType.ArrayIndex } index
            && index.Right == read.Parameters[1]
            && index.Left.Type == typeof(T[])
            && ReachedByMembers(index.Left, read.Parameters[0]))
        {
            var context = Expression.Parameter(typeof(TContext), "context");
            var array = ParameterReplacer.Inline(Expression.Lambda(index.Left, read.Parameters[0]), context);
            return new ColumnReader<TContext, T>(Expression.Lambda<Func<TContext, T[]>>(array, context));
        }

        return null;
    }

    private static bool ReachedByMembers(Expression node, ParameterExpression context)
    {
        while (node is MemberExpression member)
        {
            node = member.Expression!;
        }

        return node == context;
    }
}

/// <summary>Reads a column's array from the context; compiled on first use, as most conditions never see a run of consecutive rows.</summary>
internal sealed class ColumnReader<TContext, T>(Expression<Func<TContext, T[]>> column)
{
    private Func<TContext, T[]>? read;

    public T[] Read(TContext context) => (read ??= column.Compile())(context);
}
