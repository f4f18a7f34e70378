using System.Linq.Expressions;

namespace CampaignEngine.Dsl.Binding;

/// <summary>
/// A text fact also kept as interned ids, so that comparing it with literal text compares integers: the
/// literal is turned into its id once, at compile time, as tag names are turned into bits.
/// <paramref name="Column"/> yields the host's id array (row → id); <paramref name="IdOf"/> gives the id of
/// a literal. The host promises: two texts have the same id exactly when they are equal ignoring case
/// (ordinal), a row's id is negative exactly when its text is missing, and <paramref name="IdOf"/> returns a
/// negative number only for a text no row can hold. <see cref="TextIdPool"/> keeps that promise.
/// </summary>
public sealed record TextIds<TContext>(Expression<Func<TContext, int[]>> Column, Func<string, int> IdOf);
