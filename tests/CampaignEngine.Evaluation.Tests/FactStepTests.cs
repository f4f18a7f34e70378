using CampaignEngine.Evaluation.Tests.Support;
using CampaignEngine.Facts;

namespace CampaignEngine.Evaluation.Tests;

/// <summary>The evaluator steps its facts forward across times of day; the step must equal a fresh computation.</summary>
public sealed class FactStepTests
{
    [Fact]
    public void Stepping_through_times_of_day_gives_the_same_facts_as_computing_afresh()
    {
        var history = ShippedShop.History;
        var start = new DateTime(2025, 3, 1, 10, 0, 0);
        var table = FactTable.AsOf(history, start);
        foreach (var hours in new[] { 4, 3, 17, 24 * 5 + 2, 1, 30 })
        {
            start = start.AddHours(hours);
            table.AdvanceTo(DateOnly.FromDateTime(start), (int)start.TimeOfDay.TotalSeconds);
            var fresh = FactTable.AsOf(history, start);

            Assert.Equal((fresh.Day, fresh.Second), (table.Day, table.Second));
            Assert.Equal(fresh.Frequency, table.Frequency);
            Assert.Equal(fresh.MonetaryFen, table.MonetaryFen);
            Assert.Equal(fresh.LastOrderDay, table.LastOrderDay);
            Assert.Equal(fresh.OrdersBefore, table.OrdersBefore);
            Assert.Equal(fresh.LastShippedDay, table.LastShippedDay);
            Assert.Equal(fresh.LastSignedDay, table.LastSignedDay);
            Assert.Equal(fresh.OpenParcels, table.OpenParcels);
            Assert.Equal(fresh.Cycle, table.Cycle);
            Assert.Equal(fresh.Segment, table.Segment);
            Assert.Equal(fresh.RfmR, table.RfmR);
        }
    }

    [Fact]
    public void Facts_do_not_move_back()
    {
        var table = FactTable.AsOf(ShippedShop.History, new DateTime(2025, 3, 1, 10, 0, 0));

        Assert.Throws<ArgumentOutOfRangeException>(() => table.AdvanceTo(new DateOnly(2025, 3, 1), 9 * 3600));
    }
}
