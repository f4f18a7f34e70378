using System.Linq.Expressions;
using System.Reflection;

namespace CampaignEngine.Dsl.Compilation;

/// <summary>
/// Lifts the reads of the context's columns (<c>context.Frequency</c>) out of the block filter's loop:
/// the JIT cannot prove the loop's stores leave the context's fields alone, so without this it reloads
/// every column reference for every row. Host field readers are pure reads, so reading them once per
/// block gives the same answers.
/// </summary>
internal sealed class LoopInvariants(ParameterExpression context) : ExpressionVisitor
{
    private readonly List<(MemberInfo[] Path, ParameterExpression Variable, Expression Read)> lifted = [];

    public IEnumerable<ParameterExpression> Variables => lifted.Select(l => l.Variable);

    public IEnumerable<Expression> Assignments => lifted.Select(l => (Expression)Expression.Assign(l.Variable, l.Read));

    protected override Expression VisitMember(MemberExpression node)
    {
        if (Path(node) is not { } path)
        {
            return base.VisitMember(node);
        }

        foreach (var (known, variable, _) in lifted)
        {
            if (known.SequenceEqual(path))
            {
                return variable;
            }
        }

        var lift = Expression.Variable(node.Type, node.Member.Name);
        lifted.Add((path, lift, node));
        return lift;
    }

    /// <summary>The members from the context to this node, or null when the node depends on anything else.</summary>
    private MemberInfo[]? Path(MemberExpression node)
    {
        var members = new List<MemberInfo>();
        Expression? current = node;
        while (current is MemberExpression member)
        {
            members.Add(member.Member);
            current = member.Expression;
        }

        if (current != context)
        {
            return null;
        }

        members.Reverse();
        return [.. members];
    }
}
