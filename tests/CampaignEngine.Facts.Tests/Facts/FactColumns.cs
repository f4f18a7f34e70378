using System.Reflection;

namespace CampaignEngine.Facts.Tests.Facts;

/// <summary>
/// Every column of a fact table (each array property: facts, RFM scores, segments, the bookkeeping the
/// day step keeps), found by reflection so that a column added later is compared too.
/// </summary>
internal static class FactColumns
{
    private static readonly PropertyInfo[] Columns = typeof(FactTable)
        .GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
        .Where(p => p.PropertyType.IsArray)
        .ToArray();

    public static IEnumerable<string> Names => Columns.Select(c => c.Name);

    /// <summary>Asserts both tables are at the same moment with equal columns, naming the first row that differs.</summary>
    public static void AssertEqual(FactTable expected, FactTable actual, string when)
    {
        Assert.Equal((expected.Day, expected.Second), (actual.Day, actual.Second));
        foreach (var column in Columns)
        {
            var e = ((Array)column.GetValue(expected)!).Cast<object>().ToArray();
            var a = ((Array)column.GetValue(actual)!).Cast<object>().ToArray();
            Assert.Equal(e.Length, a.Length);
            // Boxed doubles compare NaN equal to NaN, as a missing cycle should.
            var row = Enumerable.Range(0, e.Length).FirstOrDefault(i => !Equals(e[i], a[i]), -1);
            Assert.True(row < 0, $"{when}: column {column.Name} differs at row {row}: expected {(row < 0 ? null : e[row])}, got {(row < 0 ? null : a[row])}");
        }
    }
}
