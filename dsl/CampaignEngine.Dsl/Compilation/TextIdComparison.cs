using System.Linq.Expressions;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Syntax;

namespace CampaignEngine.Dsl.Compilation;

/// <summary>
/// A text fact with ids compared with literal text (<c>level in ["金卡", "VIP"]</c>, <c>level != "普通"</c>):
/// the literals become ids at compile time and the test compares integers. A literal the host says no row
/// can hold (a negative id) matches nothing, so it is dropped.
/// </summary>
internal sealed record TextIdComparison(LambdaExpression Column, int[] Ids, bool Negated, bool EmptyList)
{
    public static TextIdComparison? Of(BoundExpression node) => node switch
    {
        BoundComparison { Domain: ValueDomain.Text, Operator: BinaryOperator.Equal or BinaryOperator.NotEqual } c
            => Match(c.Left, [c.Right], c.Operator == BinaryOperator.NotEqual) ?? Match(c.Right, [c.Left], c.Operator == BinaryOperator.NotEqual),
        BoundIn { Domain: ValueDomain.Text } inList => Match(inList.Value, inList.Items, inList.Negated),
        _ => null,
    };

    private static TextIdComparison? Match(BoundExpression value, IReadOnlyList<BoundExpression> items, bool negated)
    {
        if (value is not BoundField { IdColumn: { } column, IdOf: { } idOf } || items.Any(i => i is not BoundLiteral { Value: string }))
        {
            return null;
        }

        var ids = items.Select(i => idOf((string)((BoundLiteral)i).Value)).Where(id => id >= 0).Distinct().ToArray();
        return new TextIdComparison(column, ids, negated, items.Count == 0);
    }

    /// <summary>The test on one row's id: equal to one of the ids, or (negated) known and equal to none.</summary>
    public Expression Test(Expression id)
    {
        if (EmptyList)
        {
            return Expression.Constant(false); // `x in []` and `x not in []` are both false, as for any list
        }

        var any = Ids.Select(i => (Expression)Expression.Equal(id, Expression.Constant(i))).DefaultIfEmpty(Expression.Constant(false)).Aggregate(Expression.OrElse);
        return Negated ? Expression.AndAlso(Expression.GreaterThanOrEqual(id, Expression.Constant(0)), Expression.Not(any)) : any;
    }
}
