namespace CampaignEngine.Facts.Tests.Facts;

/// <summary>Stepping a fact table day by day gives exactly what a fresh computation for that day gives.</summary>
public sealed class IncrementalFactsTests
{
    [Theory]
    [InlineData(11, 0)]
    [InlineData(12, 10)]
    public void Advancing_day_by_day_equals_a_full_recompute(int seed, int hour)
    {
        var random = new Random(seed);
        const int customers = 80;
        var history = RandomShop.Build(customers, RandomShop.Orders(random, customers, 600, 300));
        var start = DateOnly.FromDateTime(RandomShop.Start).AddDays(150);
        var table = FactTable.AsOf(history, start.ToDateTime(new TimeOnly(hour, 0)));

        for (var day = 1; day <= 40; day++)
        {
            var date = start.AddDays(day);
            table.AdvanceTo(date);
            var fresh = FactTable.AsOf(history, date.ToDateTime(new TimeOnly(hour, 0)));
            for (var row = 0; row < customers; row++)
            {
                Assert.Equal(SchemaProbe.Row(fresh, row), SchemaProbe.Row(table, row));
            }
        }
    }

    [Fact]
    public void Moving_backwards_is_refused()
    {
        var history = RandomShop.Build(3, RandomShop.Orders(new Random(5), 3, 10, 30));
        var table = FactTable.AsOf(history, new DateOnly(2023, 2, 1));

        Assert.Throws<ArgumentOutOfRangeException>(() => table.AdvanceTo(new DateOnly(2023, 1, 31)));
    }
}
