using CampaignEngine.Facts;
using CampaignEngine.Orders;

namespace CampaignEngine.Stats;

/// <summary>
/// The shop's retention figures as of a date (GLOSSARY.md), from paid, non-refunded orders before it:
/// repeat revenue share, repeat-purchase rate, AOV of first vs repeat orders, purchase cycles and RFM segments.
/// </summary>
internal sealed record ShopFigures(
    DateOnly AsOf,
    int Customers,
    int RepeatCustomers,
    double RepeatPurchaseRate,
    long Orders,
    decimal Revenue,
    decimal RepeatRevenue,
    double RepeatRevenueShare,
    decimal AovNew,
    decimal AovRepeat,
    double? MedianCycle,
    IReadOnlyList<CycleBucket> CycleHistogram,
    IReadOnlyList<SegmentFigures> Segments)
{
    /// <summary>Purchase-cycle buckets in days (upper bounds inclusive); the last is open-ended.</summary>
    private static readonly (string Label, int Upto)[] Buckets =
        [("0-7", 7), ("8-14", 14), ("15-30", 30), ("31-60", 60), ("61-90", 90), ("91-180", 180), ("181-365", 365), (">365", int.MaxValue)];

    public static ShopFigures Compute(FactTable t)
    {
        var h = t.History;
        int customers = 0, repeaters = 0;
        long orders = 0, revenueFen = 0, repeatFen = 0, firstOrders = 0, firstFen = 0;
        var cycles = new List<double>();
        var bucketCounts = new int[Buckets.Length];
        var segmentCustomers = new int[RfmSegment.Ids.Length];
        var segmentFen = new long[RfmSegment.Ids.Length];

        for (var row = 0; row < t.RowCount; row++)
        {
            if (t.Frequency[row] == 0)
            {
                continue;
            }

            customers++;
            if (t.Frequency[row] >= 2)
            {
                repeaters++;
            }

            var start = h.CustomerOrderStarts[row];
            var nth = 0;
            for (var o = start; o < start + t.OrdersBefore[row]; o++)
            {
                if (h.Status[o] == OrderStatus.Refunded)
                {
                    continue;
                }

                nth++;
                orders++;
                revenueFen += h.AmountFen[o];
                if (nth == 1)
                {
                    firstOrders++;
                    firstFen += h.AmountFen[o];
                }
                else
                {
                    repeatFen += h.AmountFen[o];
                }
            }

            if (!double.IsNaN(t.Cycle[row]))
            {
                cycles.Add(t.Cycle[row]);
                bucketCounts[Array.FindIndex(Buckets, b => t.Cycle[row] <= b.Upto)]++;
            }

            segmentCustomers[t.Segment[row]]++;
            segmentFen[t.Segment[row]] += t.MonetaryFen[row];
        }

        cycles.Sort();
        var repeatOrders = orders - firstOrders;
        return new ShopFigures(
            t.Date,
            customers,
            repeaters,
            Ratio(repeaters, customers),
            orders,
            revenueFen / 100m,
            repeatFen / 100m,
            Ratio(repeatFen, revenueFen),
            firstOrders == 0 ? 0 : Math.Round(firstFen / 100m / firstOrders, 2),
            repeatOrders == 0 ? 0 : Math.Round(repeatFen / 100m / repeatOrders, 2),
            cycles.Count == 0 ? null : cycles.Count % 2 == 1 ? cycles[cycles.Count / 2] : (cycles[cycles.Count / 2 - 1] + cycles[cycles.Count / 2]) / 2,
            Buckets.Select((b, i) => new CycleBucket(b.Label, bucketCounts[i])).ToArray(),
            Enumerable.Range(1, RfmSegment.Ids.Length - 1)
                .Select(s => new SegmentFigures(RfmSegment.Ids[s]!, RfmSegment.ChineseNames[s]!, segmentCustomers[s], segmentFen[s] / 100m))
                .ToArray());
    }

    private static double Ratio(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
}

/// <summary>Customers whose purchase cycle falls in a range of days.</summary>
internal sealed record CycleBucket(string Days, int Customers);

/// <summary>One RFM segment's size and the revenue its customers brought before the date.</summary>
internal sealed record SegmentFigures(string Segment, string Name, int Customers, decimal Revenue);
