using CampaignEngine.Dsl.Compilation.Columnar;

namespace CampaignEngine.Dsl.Compilation;

/// <summary>Tests one customer row.</summary>
public delegate bool RowPredicate<TContext>(TContext context, int row);

/// <summary>
/// Tests a block of rows at once: reads <paramref name="count"/> row indexes from <paramref name="rows"/>,
/// writes the ones that pass to <paramref name="selected"/> and returns how many — the delegate call is
/// paid once per block, not once per customer. <paramref name="selected"/> needs room for
/// <paramref name="count"/> rows (slots past the returned count may be overwritten); it may be
/// <paramref name="rows"/> itself, to narrow a selection in place.
/// </summary>
public delegate int RowFilter<TContext>(TContext context, int[] rows, int count, int[] selected);

/// <summary>A condition compiled once per campaign load (an audience, a rule's <c>when</c>).</summary>
public sealed class CompiledCondition<TContext>(RowPredicate<TContext> test, RowFilter<TContext> filter, string text, Func<TContext, bool>? mayHold = null)
{
    public RowPredicate<TContext> Test { get; } = test;

    public RowFilter<TContext> Filter { get; } = filter;

    /// <summary>The source text, for reports and explain.</summary>
    public string Text { get; } = text;

    /// <summary>
    /// Whether the condition can hold for anyone in this context, asking only its parts that are the same for
    /// every customer (<c>is_holiday("春节")</c>, see <see cref="Binding.FunctionDefinition{TContext}.Pure"/>): false
    /// when they rule everyone out — then <see cref="Filter"/> selects nobody and <see cref="Test"/> is false for
    /// every row, so a host may skip the rows altogether. True when the condition has no such part, or when one
    /// fails (the filter then reports the failure as it would have). Cheap: no row is read.
    /// </summary>
    public bool MayHoldForAnyone(TContext context) => mayHold is null || AnyoneTest.Ask(mayHold, context);

    /// <summary>
    /// For <c>campaign explain</c>: the value of every part of the condition for one customer row. Slow
    /// (it boxes) and compiled on first use; never on the evaluation path.
    /// </summary>
    public Func<TContext, int, IReadOnlyList<ConditionPart>> Explain { get; init; } = static (_, _) => [];

    /// <summary>The two ways <see cref="Filter"/> chooses between, for tests that hold them to the same answers.</summary>
    internal RowFilter<TContext>? RowByRow { get; init; }

    internal ColumnarFilter<TContext>? Columnar { get; init; }
}

/// <summary>A rule: name, priority (lower first), condition and actions.</summary>
public sealed record CompiledRule<TContext>(
    string Name,
    int Priority,
    CompiledCondition<TContext> When,
    IReadOnlyList<RuleAction> Actions,
    SourceOrigin Origin,
    int Line,
    int Column);

/// <summary>The rules of one <c>.rules</c> file or YAML block, ordered by priority then position.</summary>
public sealed record CompiledRuleSet<TContext>(IReadOnlyList<CompiledRule<TContext>> Rules);
