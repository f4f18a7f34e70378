using System.Linq.Expressions;
using E = System.Linq.Expressions.Expression;

namespace CampaignEngine.Dsl.Compilation;

/// <summary>
/// The row-invariant parts of a loop's condition (<see cref="RowInvariance"/>), each kept in a local: computed
/// when a row first needs it, then reused by the rows after. Computing it on first need rather than before the
/// loop keeps what the loop does exactly as written — a part no row reaches is never asked, and a part that
/// throws throws for the same row it would have.
/// </summary>
internal sealed class InvariantSlots
{
    private readonly List<(ParameterExpression Known, ParameterExpression Value)> slots = [];

    public IEnumerable<ParameterExpression> Variables => slots.SelectMany(s => new[] { s.Known, s.Value });

    /// <summary>To run before the loop: every part unknown.</summary>
    public IEnumerable<Expression> Resets => slots.Select(s => (Expression)E.Assign(s.Known, E.Constant(false)));

    /// <summary><c>known ? value : (value = part, known = true, value)</c>.</summary>
    public Expression Hoist(Expression part)
    {
        var known = E.Variable(typeof(bool), "invariantKnown");
        var value = E.Variable(part.Type, "invariant");
        slots.Add((known, value));
        return E.Condition(known, value, E.Block(E.Assign(value, part), E.Assign(known, E.Constant(true)), value));
    }
}
