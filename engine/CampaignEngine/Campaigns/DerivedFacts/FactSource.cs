using CampaignEngine.Campaigns.Yaml;
using CampaignEngine.Dsl.Binding;

namespace CampaignEngine.Campaigns.DerivedFacts;

/// <summary>
/// A derived fact as written under <c>facts:</c>: a DSL expression (<c>big_spender: monetary &gt;= 1000</c>)
/// or, when scripts are trusted, C# (<c>{script: "…", type: number}</c>). <see cref="Type"/> is required for
/// scripts; for expressions the compiler infers it.
/// </summary>
internal sealed record FactSource(
    string File,
    string Name,
    ScalarNode NameNode,
    DslText? Expression,
    DslText? Script,
    SourceNode? ScriptNode,
    DslType? Type,
    string Description,
    IReadOnlyList<string> Aliases)
{
    public IEnumerable<string> Names => Aliases.Prepend(Name);
}
