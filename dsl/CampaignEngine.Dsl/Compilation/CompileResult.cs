using CampaignEngine.Dsl.Diagnostics;

namespace CampaignEngine.Dsl.Compilation;

/// <summary>Either a compiled value or diagnostics (warnings may come with a value); never an exception.</summary>
public sealed record CompileResult<T>(T? Value, IReadOnlyList<Diagnostic> Diagnostics) where T : class
{
    public bool Succeeded => Value is not null && !Diagnostics.Any(d => d.IsError);
}
