using System.Linq.Expressions;

namespace CampaignEngine.Dsl.Compilation;

/// <summary>Whether an expression tree has a node that matches.</summary>
internal static class ExpressionSearch
{
    public static bool Contains(Expression body, Func<Expression, bool> match)
    {
        var finder = new Finder(match);
        finder.Visit(body);
        return finder.Found;
    }

    private sealed class Finder(Func<Expression, bool> match) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        public override Expression? Visit(Expression? node)
        {
            if (Found || node is null)
            {
                return node;
            }

            if (match(node))
            {
                Found = true;
                return node;
            }

            return base.Visit(node);
        }
    }
}
