using System.Linq.Expressions;
using CampaignEngine.Calendar;
using CampaignEngine.Dsl.Binding;

namespace CampaignEngine.Facts.Tests.Facts;

/// <summary>Reads facts the way a compiled rule does: through the schema's expressions, compiled.</summary>
internal static class SchemaProbe
{
    private static readonly FactSchema<FactTable> Schema = BuiltInFacts.Schema(FestivalCalendar.Default);
    private static readonly Dictionary<string, Delegate> Readers = Schema.Fields.ToDictionary(f => f.Name, f => f.Read.Compile());

    public static IEnumerable<string> FieldNames => Schema.Fields.Select(f => f.Name);

    public static object? Read(FactTable table, int row, string field) => Readers[field].DynamicInvoke(table, row);

    public static double Number(FactTable table, int row, string field) => (double)Read(table, row, field)!;

    public static object? Call(FactTable table, int row, string function, object argument, bool literal = true)
    {
        var definition = Schema.Functions.Single(f => f.Name == function);
        var context = Expression.Parameter(typeof(FactTable), "t");
        var rowParameter = Expression.Parameter(typeof(int), "row");
        Expression argumentExpression = literal
            ? Expression.Constant(argument)
            : Expression.Convert(Expression.Constant(argument, typeof(object)), argument.GetType()); // not a ConstantExpression: the per-call path
        var body = definition.Build(context, rowParameter, [argumentExpression]);
        return Expression.Lambda(body, context, rowParameter).Compile().DynamicInvoke(table, row);
    }

    /// <summary>Every field of a row as comparable values (NaN compares equal to NaN).</summary>
    public static IReadOnlyList<object?> Row(FactTable table, int row) => FieldNames.Select(f => Read(table, row, f)).ToArray();
}
