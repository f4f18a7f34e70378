namespace CampaignEngine.Facts.Tests.Facts;

/// <summary>
/// RFM cut points belong to the shop day: they are those of the active base at the day's midnight. A
/// customer who buys during the day is rescored at once, against those cut points; the cut points move
/// only at the next midnight, and then every score follows them.
/// </summary>
public sealed class RfmCutPointsPerShopDayTests
{
    private static readonly int[] TimesOfDay = [9 * 3600, (12 * 3600) + 1, 15 * 3600, 20 * 3600, 86_399];

    [Fact]
    public void Within_a_day_scores_use_the_midnight_cut_points_and_after_midnight_the_new_ones()
    {
        var history = GeneratedShop.History;
        var first = new DateOnly(2025, 6, 10);
        var table = FactTable.AsOf(history, first);
        var rescoredWithinTheDay = 0;
        var movedAtMidnight = 0;
        for (var date = first; date < first.AddDays(12); date = date.AddDays(1))
        {
            var cuts = Cuts.Of(FactTable.AsOf(history, date));
            var atMidnight = Scores(table);
            AssertScoredAgainst(cuts, table, $"{date} 00:00");

            foreach (var second in TimesOfDay)
            {
                table.AdvanceTo(date, second);
                AssertScoredAgainst(cuts, table, $"{date} +{second}s");
            }

            rescoredWithinTheDay += Scores(table).Where((s, row) => s != atMidnight[row]).Count();

            // The next midnight: the day's purchases enter the base, the cut points move, every score follows.
            table.AdvanceTo(date.AddDays(1), 0);
            var next = Cuts.Of(FactTable.AsOf(history, date.AddDays(1)));
            AssertScoredAgainst(next, table, $"{date.AddDays(1)} 00:00");
            movedAtMidnight += Enumerable.Range(0, table.RowCount).Count(row => table.Frequency[row] > 0 && cuts.Score(table, row) != next.Score(table, row));
        }

        // Customers bought during these days, and the cut points did move at some midnight: both halves were tested.
        Assert.True(rescoredWithinTheDay > 0, "nobody was rescored within a day");
        Assert.True(movedAtMidnight > 0, "the cut points never moved");
    }

    private static (byte R, byte F, byte M, byte Segment)[] Scores(FactTable t)
        => [.. Enumerable.Range(0, t.RowCount).Select(row => (t.RfmR[row], t.RfmF[row], t.RfmM[row], t.Segment[row]))];

    private static void AssertScoredAgainst(Cuts cuts, FactTable t, string when)
    {
        for (var row = 0; row < t.RowCount; row++)
        {
            (int R, int F, int M) expected = t.Frequency[row] > 0 ? cuts.Score(t, row) : (0, 0, 0);
            Assert.True(expected == (t.RfmR[row], t.RfmF[row], t.RfmM[row]), $"{when}: row {row} scored {(t.RfmR[row], t.RfmF[row], t.RfmM[row])}, the day's cut points give {expected}");
            Assert.Equal(t.Frequency[row] > 0 ? RfmSegment.Of(expected.R, expected.F, expected.M) : (byte)0, t.Segment[row]);
        }
    }

    /// <summary>
    /// Quintile cut points written out from the definition (RfmScoring's comment): cut k is the ⌈k·n/5⌉-th
    /// smallest value over the n customers with an order; a value scores 1 + the number of cuts it exceeds.
    /// </summary>
    private sealed record Cuts(int[] Recency, int[] Frequency, long[] Money)
    {
        public static Cuts Of(FactTable midnight)
        {
            var active = Enumerable.Range(0, midnight.RowCount).Where(row => midnight.Frequency[row] > 0).ToArray();
            var ranks = Enumerable.Range(1, 4).Select(k => (int)Math.Ceiling(k * active.Length / 5.0)).ToArray();
            T[] At<T>(IEnumerable<T> values)
            {
                var sorted = values.Order().ToArray();
                return [.. ranks.Select(rank => sorted[rank - 1])];
            }

            return new Cuts(At(active.Select(r => midnight.LastOrderDay[r])), At(active.Select(r => midnight.Frequency[r])), At(active.Select(r => midnight.MonetaryFen[r])));
        }

        public (int R, int F, int M) Score(FactTable t, int row)
            => (1 + Recency.Count(c => t.LastOrderDay[row] > c), 1 + Frequency.Count(c => t.Frequency[row] > c), 1 + Money.Count(c => t.MonetaryFen[row] > c));
    }
}
