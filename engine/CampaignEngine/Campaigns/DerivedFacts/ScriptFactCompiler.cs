using System.Linq.Expressions;
using CampaignEngine.Dsl.Binding;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;

namespace CampaignEngine.Campaigns.DerivedFacts;

/// <summary>
/// A C# fact: the script is an expression (or a block with <c>return</c>) over <c>context</c>, the fact
/// context rules read, and <c>row</c>, the customer's row. It is compiled once per load with Roslyn
/// scripting into a <c>Func&lt;TContext, int, T&gt;</c> and becomes a field like any other, so nothing is
/// compiled per customer. Scripts run with the engine's rights, hence only when engine.yaml trusts them.
/// </summary>
internal static class ScriptFactCompiler
{
    // The generated code puts the script on its own lines after this many lines of wrapper, so a
    // Roslyn error on generated line N is on script line N - WrapperLines.
    private const int WrapperLines = 2;

    public static FieldDefinition<TContext>? Compile<TContext>(FactSource fact, bool trustScripts, DiagnosticBag diagnostics)
    {
        var script = fact.Script!;
        if (!trustScripts)
        {
            diagnostics.Add(CampaignDiagnostics.ScriptsNotTrusted, fact.File, fact.ScriptNode!, fact.Name);
            return null;
        }

        var resultType = fact.Type switch
        {
            DslType.Bool => typeof(bool),
            DslType.Text => typeof(string),
            DslType.Date => typeof(int),
            _ => typeof(double),
        };
        var delegateType = typeof(Func<,,>).MakeGenericType(typeof(TContext), typeof(int), resultType);
        var isBlock = script.Text.Contains("return", StringComparison.Ordinal) || script.Text.TrimEnd().EndsWith(';');
        var code = $"({CSharpName(delegateType)})((context, row) =>\n{(isBlock ? "{" : "(")}\n{script.Text}\n{(isBlock ? "}" : ")")})";
        var options = ScriptOptions.Default
            .AddReferences(typeof(TContext).Assembly, typeof(Enumerable).Assembly)
            .AddImports("System", "System.Linq");
        var compiled = CSharpScript.Create<Delegate>(code, options);
        var errors = compiled.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                var (line, column) = MapToYaml(error.Location.GetLineSpan().StartLinePosition, script);
                diagnostics.Add(CampaignDiagnostics.ScriptError.Create(fact.File, line, column, 1, diagnostics.Chinese, fact.Name, error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
            }

            return null;
        }

        var function = compiled.RunAsync().GetAwaiter().GetResult().ReturnValue;
        var context = Expression.Parameter(typeof(TContext), "context");
        var row = Expression.Parameter(typeof(int), "row");
        var read = Expression.Lambda(Expression.Invoke(Expression.Constant(function, delegateType), context, row), context, row);
        return new FieldDefinition<TContext>(fact.Name, fact.Type ?? DslType.Number, fact.Description, fact.Aliases, read);
    }

    private static (int Line, int Column) MapToYaml(LinePosition position, Yaml.DslText script)
    {
        var scriptLine = position.Line - WrapperLines;
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
}
