using CampaignEngine.Reports;

namespace CampaignEngine.Simulation.Tests.Reports;

/// <summary>The report's bit set of customers counts exactly what a hash set of their rows counts.</summary>
public sealed class CustomerSetTests
{
    [Theory]
    [InlineData(1, 1_000)]          // dense: many repeats
    [InlineData(2, 100_000)]
    [InlineData(3, 100_000_000)]    // sparse rows far out: the bit array grows in jumps
    public void Count_after_every_add_equals_a_hash_sets_count(int seed, int maxRow)
    {
        var random = new Random(seed);
        var set = new CustomerSet();
        var reference = new HashSet<int>();
        for (var i = 0; i < 20_000; i++)
        {
            var row = random.Next(10) switch
            {
                0 => -1, // a decision for a customer without a row
                1 => (random.Next(0, maxRow >> 6) << 6) + (random.Next(2) == 0 ? 0 : 63), // a word's first or last bit
                2 when reference.Count > 0 => reference.ElementAt(random.Next(Math.Min(reference.Count, 50))), // a repeat
                _ => random.Next(maxRow),
            };
            set.Add(row);
            reference.Add(row);
            Assert.Equal(reference.Count, set.Count);
        }
    }

    [Fact]
    public void Rows_on_either_side_of_a_word_boundary_are_different_customers()
    {
        var set = new CustomerSet();
        foreach (var row in (int[])[63, 64, 0, 127, 128, 64, -1, 63, -1, 1 << 20, (1 << 20) - 1])
        {
            set.Add(row);
        }

        Assert.Equal(8, set.Count);
    }
}
