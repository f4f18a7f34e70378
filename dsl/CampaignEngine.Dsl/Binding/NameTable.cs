namespace CampaignEngine.Dsl.Binding;

/// <summary>The schema's fields and functions by English name and every alias, case-insensitive.</summary>
internal sealed class NameTable<TContext>
{
    /// <summary><c>known(x)</c> is the language's own: it works on every type, which a host signature cannot say.</summary>
    public static readonly string[] KnownNames = ["known", "已知", "有值"];

    private readonly Dictionary<string, FieldDefinition<TContext>> fields = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FunctionDefinition<TContext>> functions = new(StringComparer.OrdinalIgnoreCase);

    public NameTable(FactSchema<TContext> schema)
    {
        // Later definitions win: a campaign's derived facts come after the built-in ones.
        foreach (var field in schema.Fields)
        {
            foreach (var name in field.Aliases.Prepend(field.Name))
            {
                fields[name] = field;
            }
        }

        foreach (var function in schema.Functions)
        {
            foreach (var name in function.Aliases.Prepend(function.Name))
            {
                functions[name] = function;
            }
        }
    }

    public FieldDefinition<TContext>? Field(string name) => fields.GetValueOrDefault(name);

    public FunctionDefinition<TContext>? Function(string name) => functions.GetValueOrDefault(name);

    public static bool IsKnown(string name) => KnownNames.Contains(name, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<(string Name, string English)> FieldNames => fields.Select(f => (f.Key, f.Value.Name));

    public IEnumerable<(string Name, string English)> FunctionNames
        => functions.Select(f => (f.Key, f.Value.Name)).Concat(KnownNames.Select(k => (k, "known")));
}
