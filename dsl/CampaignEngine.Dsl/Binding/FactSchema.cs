namespace CampaignEngine.Dsl.Binding;

/// <summary>
/// Everything a rule may name: the host's fields and functions. The DSL knows no facts of its own;
/// the engine builds this schema (built-in facts, then a campaign's derived facts on top).
/// </summary>
public sealed class FactSchema<TContext>
{
    public FactSchema(IEnumerable<FieldDefinition<TContext>> fields, IEnumerable<FunctionDefinition<TContext>> functions)
    {
        Fields = fields.ToArray();
        if (Fields.FirstOrDefault(f => f.Ids is not null && f.Type != DslType.Text) is { } wrong)
        {
            throw new ArgumentException($"the schema field '{wrong.Name}' offers text ids but is {wrong.Type}", nameof(fields));
        }

        Functions = functions.ToArray();
    }

    public IReadOnlyList<FieldDefinition<TContext>> Fields { get; }

    public IReadOnlyList<FunctionDefinition<TContext>> Functions { get; }

    /// <summary>A new schema with more fields (derived facts); names must not clash with existing ones.</summary>
    public FactSchema<TContext> WithFields(IEnumerable<FieldDefinition<TContext>> more) => new(Fields.Concat(more), Functions);
}
