namespace CampaignEngine.Facts.Tests.Facts;

/// <summary>
/// A table advanced from an earlier moment in intra-day and cross-day steps — the dry-run's hourly event
/// sweeps and daily runs — equals one computed directly for the final moment: every column, RFM scores
/// and segments included, because both score against the cut points of the final shop day's midnight.
/// </summary>
public sealed class IntraDayStepsFactsTests
{
    [Theory]
    [InlineData("2025-03-14", 1)]
    [InlineData("2025-06-18", 2)] // 618: a busy day
    [InlineData("2025-11-11", 3)] // 双十一
    public void Stepping_within_and_across_days_equals_computing_at_the_final_moment(string day, int seed)
    {
        var history = GeneratedShop.History;
        var target = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var table = FactTable.AsOf(history, target.AddDays(-3).ToDateTime(new TimeOnly(10, 0)));

        foreach (var (date, second) in Steps(new Random(seed), target.AddDays(-3), 10 * 3600, target, 15 * 3600))
        {
            table.AdvanceTo(date, second);
            FactColumns.AssertEqual(FactTable.AsOf(history, date.ToDateTime(TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(second)))), table, $"{date} +{second}s");
        }

        var fresh = FactTable.AsOf(history, target.ToDateTime(new TimeOnly(15, 0)));
        FactColumns.AssertEqual(fresh, table, "final");
        // And what a rule reads, through the schema.
        for (var row = 0; row < history.CustomerCount; row++)
        {
            Assert.Equal(SchemaProbe.Row(fresh, row), SchemaProbe.Row(table, row));
        }
    }

    [Fact]
    public void The_columns_compared_include_the_rfm_scores_and_segment()
    {
        Assert.Superset(new HashSet<string> { "Frequency", "MonetaryFen", "LastOrderDay", "RfmR", "RfmF", "RfmM", "Segment" }, FactColumns.Names.ToHashSet());
    }

    /// <summary>
    /// Random forward steps from one moment to another: some within the day (one second, a few hours),
    /// some to a later day's midnight, to its last second, or straight to a time of a later day.
    /// </summary>
    private static IEnumerable<(DateOnly Date, int Second)> Steps(Random random, DateOnly date, int second, DateOnly end, int endSecond)
    {
        while (date < end || second < endSecond)
        {
            if (date < end && random.Next(3) == 0)
            {
                date = date.AddDays(1);
                second = random.Next(3) switch { 0 => 0, 1 => 86_399, _ => random.Next(86_400) };
            }
            else if (second < 86_399 && (date < end || second < endSecond))
            {
                var limit = date < end ? 86_399 : endSecond;
                second = Math.Min(limit, second + (random.Next(2) == 0 ? 1 : random.Next(1, 5 * 3600)));
            }
            else
            {
                continue;
            }

            if (date > end || (date == end && second > endSecond))
            {
                (date, second) = (end, endSecond);
            }

            yield return (date, second);
        }
    }
}
