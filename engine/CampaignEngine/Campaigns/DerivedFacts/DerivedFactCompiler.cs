using System.Text.RegularExpressions;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Compilation;

namespace CampaignEngine.Campaigns.DerivedFacts;

/// <summary>
/// Turns derived facts into fields of the schema, so rules use them like built-in facts. Facts may use
/// each other: they are compiled in dependency order, and a cycle is reported at every fact in it
/// (a fact defined in terms of itself has no value to start from). Compiled once per load.
/// </summary>
internal static partial class DerivedFactCompiler
{
    public static FactSchema<TContext> Compile<TContext>(
        IReadOnlyList<FactSource> facts,
        FactSchema<TContext> schema,
        bool trustScripts,
        CompileOptions options,
        DiagnosticBag diagnostics)
    {
        var accepted = RejectClashes(facts, schema, diagnostics);
        foreach (var fact in Order(accepted, diagnostics))
        {
            var field = fact.Script is not null
                ? ScriptFactCompiler.Compile(fact, schema, trustScripts, diagnostics)
                : FromExpression(fact, schema, options, diagnostics);
            if (field is not null)
            {
                schema = schema.WithFields([field]);
            }
        }

        return schema;
    }

    private static FieldDefinition<TContext>? FromExpression<TContext>(FactSource fact, FactSchema<TContext> schema, CompileOptions options, DiagnosticBag diagnostics)
    {
        var result = CampaignCompiler.CompileValue(fact.Expression!.Text, fact.Expression.Origin, schema, options);
        diagnostics.AddRange(result.Diagnostics);
        if (!result.Succeeded || result.Value is not { } value)
        {
            return null;
        }

        return value.AsField(fact.Name, fact.Description.Length > 0 ? fact.Description : value.Text, fact.Aliases);
    }

    private static List<FactSource> RejectClashes<TContext>(IReadOnlyList<FactSource> facts, FactSchema<TContext> schema, DiagnosticBag diagnostics)
    {
        var taken = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in schema.Fields)
        {
            foreach (var name in field.Aliases.Prepend(field.Name))
            {
                taken.TryAdd(name, diagnostics.Chinese ? $"已有事实 {field.Name}" : $"fact {field.Name}");
            }
        }

        foreach (var function in schema.Functions)
        {
            foreach (var name in function.Aliases.Prepend(function.Name))
            {
                taken.TryAdd(name, diagnostics.Chinese ? $"函数 {function.Name}" : $"function {function.Name}");
            }
        }

        var accepted = new List<FactSource>();
        foreach (var fact in facts)
        {
            var clash = fact.Names.FirstOrDefault(taken.ContainsKey);
            if (clash is not null)
            {
                diagnostics.Add(CampaignDiagnostics.FactNameClash, fact.File, fact.NameNode, clash, taken[clash]);
                continue;
            }

            foreach (var name in fact.Names)
            {
                taken[name] = diagnostics.Chinese ? $"第 {fact.NameNode.Start.Line} 行" : $"line {fact.NameNode.Start.Line}";
            }

            accepted.Add(fact);
        }

        return accepted;
    }

    /// <summary>Kahn's topological order, stable in the order written; what is left over is in (or behind) a cycle.</summary>
    private static List<FactSource> Order(List<FactSource> facts, DiagnosticBag diagnostics)
    {
        var dependsOn = facts.ToDictionary(f => f, f => facts.Where(other => Mentions(f, other)).ToHashSet());
        var ordered = new List<FactSource>();
        var remaining = new List<FactSource>(facts);
        while (true)
        {
            var ready = remaining.FirstOrDefault(f => dependsOn[f].All(ordered.Contains));
            if (ready is null)
            {
                break;
            }

            ordered.Add(ready);
            remaining.Remove(ready);
        }

        foreach (var fact in remaining)
        {
            var cycle = string.Join(" → ", CyclePath(fact, dependsOn).Select(f => f.Name));
            diagnostics.Add(CampaignDiagnostics.FactCycle, fact.File, fact.NameNode, cycle);
        }

        return ordered;
    }

    private static List<FactSource> CyclePath(FactSource start, Dictionary<FactSource, HashSet<FactSource>> dependsOn)
    {
        var path = new List<FactSource> { start };
        var current = start;
        while (dependsOn[current].FirstOrDefault() is { } next && path.Count <= dependsOn.Count)
        {
            path.Add(next);
            if (next == start || path.IndexOf(next) < path.Count - 1)
            {
                break;
            }

            current = next;
        }

        return path;
    }

    /// <summary>
    /// Whether <paramref name="fact"/>'s expression names <paramref name="other"/> (outside string literals).
    /// Chinese is written without spaces (<c>消费金额>=1000且大客户</c>), so a Chinese name counts when it
    /// appears anywhere in the text; an English one must be a whole identifier.
    /// </summary>
    private static bool Mentions(FactSource fact, FactSource other)
    {
        if (fact.Expression is null)
        {
            return false;
        }

        var text = StringLiteral().Replace(fact.Expression.Text, " ");
        var identifiers = Identifier().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return other.Names.Any(name => name.All(char.IsAscii) ? identifiers.Contains(name) : text.Contains(name, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"""[^""]*""|“[^”]*”")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"[\p{L}_][\p{L}\p{N}_]*")]
    private static partial Regex Identifier();
}
