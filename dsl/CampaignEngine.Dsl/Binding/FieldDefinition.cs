using System.Linq.Expressions;

namespace CampaignEngine.Dsl.Binding;

/// <summary>
/// A fact the host offers to rules: its English name, Chinese aliases, type, a one-line meaning,
/// and how to read it for one customer row — an expression <c>(TContext context, int row) =&gt; value</c>
/// that the compiler inlines, so a rule reads the host's column arrays directly. A reader that is a plain
/// array read (<c>(c, row) =&gt; c.Cycle[row]</c>, of doubles, ints or booleans) is also recognised as a column
/// and evaluated a block of rows at a time with SIMD; a text fact can offer <see cref="Ids"/> for the same.
/// </summary>
public sealed record FieldDefinition<TContext>(
    string Name,
    DslType Type,
    string Description,
    IReadOnlyList<string> Aliases,
    LambdaExpression Read)
{
    /// <summary>The fact as interned ids (text facts only): comparisons with literal text then compare integers.</summary>
    public TextIds<TContext>? Ids { get; init; }

    /// <summary>A derived fact's checked expression (<see cref="Compilation.CompiledValue{TContext}.AsField"/>): the column
    /// plan evaluates it with kernels, where <see cref="Read"/> alone would run row by row.</summary>
    internal BoundExpression? Definition { get; init; }

    public static FieldDefinition<TContext> Number(string name, string description, Expression<Func<TContext, int, double>> read, params string[] aliases)
        => new(name, DslType.Number, description, aliases, read);

    public static FieldDefinition<TContext> Money(string name, string description, Expression<Func<TContext, int, double>> read, params string[] aliases)
        => new(name, DslType.Money, description, aliases, read);

    public static FieldDefinition<TContext> Duration(string name, string description, Expression<Func<TContext, int, double>> read, params string[] aliases)
        => new(name, DslType.Duration, description, aliases, read);

    public static FieldDefinition<TContext> Bool(string name, string description, Expression<Func<TContext, int, bool>> read, params string[] aliases)
        => new(name, DslType.Bool, description, aliases, read);

    public static FieldDefinition<TContext> Text(string name, string description, Expression<Func<TContext, int, string?>> read, params string[] aliases)
        => new(name, DslType.Text, description, aliases, read);

    public static FieldDefinition<TContext> Date(string name, string description, Expression<Func<TContext, int, int>> read, params string[] aliases)
        => new(name, DslType.Date, description, aliases, read);
}
