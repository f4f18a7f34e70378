using System.Reflection;
using CampaignEngine.Dsl.Compilation;

namespace CampaignEngine.Dsl.Tests;

/// <summary>The DSL's public surface is the compile API; ANTLR stays an implementation detail of Syntax/.</summary>
public class PublicSurfaceTests
{
    [Fact]
    public void No_antlr_type_is_public_or_appears_in_a_public_signature()
    {
        var exported = typeof(CampaignCompiler).Assembly.GetExportedTypes();
        var signatures = exported.SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(member => member switch
            {
                MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
                PropertyInfo p => [p.PropertyType],
                FieldInfo f => [f.FieldType],
                ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
                _ => [],
            });

        Assert.DoesNotContain(exported, t => t.Namespace is { } ns && (ns.StartsWith("Antlr4", StringComparison.Ordinal) || ns.EndsWith("Generated", StringComparison.Ordinal)));
        Assert.DoesNotContain(signatures, t => t.Namespace?.StartsWith("Antlr4", StringComparison.Ordinal) == true);
        Assert.Contains(exported, t => t == typeof(CampaignCompiler));
    }
}
