using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using System.Text.RegularExpressions;
using CampaignEngine.Dsl.Binding;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;

namespace CampaignEngine.Campaigns.DerivedFacts;

/// <summary>
/// A C# fact: an expression (or a block with <c>return</c>) that may use every fact of the schema by its
/// English name as a local variable (<c>frequency</c>, <c>monetary</c> …), plus <c>context</c> and <c>row</c>.
/// It is compiled once per load with Roslyn scripting into a delegate and becomes a field like any other,
/// so nothing is compiled per customer; only the facts the script names are read. Scripts run with the
/// engine's rights, hence only when engine.yaml trusts them.
/// </summary>
internal static partial class ScriptFactCompiler
{
    public static FieldDefinition<TContext>? Compile<TContext>(FactSource fact, FactSchema<TContext> schema, bool trustScripts, DiagnosticBag diagnostics)
    {
        var script = fact.Script!;
        if (!trustScripts)
        {
            diagnostics.Add(CampaignDiagnostics.ScriptsNotTrusted, fact.File, fact.ScriptNode!, fact.Name);
            return null;
        }

        var type = fact.Type ?? DslType.Number;
        var mentioned = Identifier().Matches(script.Text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var inputs = schema.Fields.Where(f => mentioned.Contains(f.Name) && ClrType(f.Type) is not null).ToList();
        var code = new StringBuilder();
        var contextName = CSharpName(typeof(TContext));
        code.Append(CultureInfo.InvariantCulture, $"(global::System.Func<global::System.Delegate[], {contextName}, int, {CSharpName(ClrType(type)!)}>)((__facts, context, row) =>\n{{\n");
        for (var i = 0; i < inputs.Count; i++)
        {
            var funcType = typeof(Func<,,>).MakeGenericType(typeof(TContext), typeof(int), ClrType(inputs[i].Type)!);
            code.Append(CultureInfo.InvariantCulture, $"var @{inputs[i].Name} = (({CSharpName(funcType)})__facts[{i}])(context, row);\n");
        }

        var isBlock = script.Text.Contains("return", StringComparison.Ordinal);
        var wrapperLines = 2 + inputs.Count + (isBlock ? 0 : 1);
        code.Append(isBlock ? "" : "return (\n").Append(script.Text).Append(isBlock ? "\n})" : "\n);\n})");

        var options = ScriptOptions.Default
            .AddReferences(typeof(TContext).Assembly, typeof(Enumerable).Assembly)
            .AddImports("System", "System.Linq");
        var compiled = CSharpScript.Create<Delegate>(code.ToString(), options);
        var errors = compiled.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                var (line, column) = MapToYaml(error.Location.GetLineSpan().StartLinePosition, wrapperLines, script);
                diagnostics.Add(CampaignDiagnostics.ScriptError.Create(fact.File, line, column, 1, diagnostics.Chinese, fact.Name, error.GetMessage(CultureInfo.InvariantCulture)));
            }

            return null;
        }

        var function = compiled.RunAsync().GetAwaiter().GetResult().ReturnValue;
        // The inputs are compiled once here; the script reads them through these delegates.
        var readers = inputs.Select(f => f.Read.Compile()).ToArray();
        var context = Expression.Parameter(typeof(TContext), "context");
        var row = Expression.Parameter(typeof(int), "row");
        var read = Expression.Lambda(Expression.Invoke(Expression.Constant(function), Expression.Constant(readers), context, row), context, row);
        return new FieldDefinition<TContext>(fact.Name, type, fact.Description, fact.Aliases, read);
    }

    /// <summary>The CLR type a fact of this type has in compiled rules (see <see cref="DslType"/>); null for tag sets.</summary>
    private static Type? ClrType(DslType type) => type switch
    {
        DslType.Number or DslType.Money or DslType.Duration => typeof(double),
        DslType.Bool => typeof(bool),
        DslType.Text => typeof(string),
        DslType.Date or DslType.Time => typeof(int),
        _ => null,
    };

    private static (int Line, int Column) MapToYaml(LinePosition position, int wrapperLines, Yaml.DslText script)
    {
        var scriptLine = position.Line - wrapperLines;
        if (scriptLine < 0)
        {
            return (script.Origin.Line, script.Origin.Column);
        }

        var lines = script.Text.Split('\n');
        var index = lines.Take(Math.Min(scriptLine, lines.Length)).Sum(l => l.Length + 1) + position.Character;
        return script.PositionOf(index);
    }

    private static string CSharpName(Type type)
    {
        if (!type.IsGenericType)
        {
            return "global::" + type.FullName!.Replace('+', '.');
        }

        var name = type.GetGenericTypeDefinition().FullName!;
        name = name[..name.IndexOf('`', StringComparison.Ordinal)].Replace('+', '.');
        return $"global::{name}<{string.Join(", ", type.GetGenericArguments().Select(CSharpName))}>";
    }

    [GeneratedRegex(@"(?<![\w\.])[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();
}
