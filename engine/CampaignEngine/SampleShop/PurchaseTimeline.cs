namespace CampaignEngine.SampleShop;

/// <summary>
/// When a customer places orders. Realistic mode: the first order falls on a day drawn by the shop's
/// demand (so Double 11 brings many new customers); a returning customer comes back after their own
/// cycle times a log-normal jitter, often pulled forward or back to the next big promotion, and after
/// each repeat order stays with probability <see cref="SampleCustomer.Loyalty"/>. Benchmark mode
/// (<see cref="SampleShopOptions.OrdersPerCustomer"/>): 1 + Poisson(n − 1) orders on demand-drawn days.
/// </summary>
internal static class PurchaseTimeline
{
    /// <summary>Order ids carry a three-digit sequence number per customer.</summary>
    public const int MaxOrdersPerCustomer = 999;

    private static readonly double[] HourWeights =
        [2, 1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2, 3, 4, 4, 5, 5, 4, 4, 4, 4, 4, 5, 7, 8, 7, 4];

    private static readonly double[] HourCumulative = ShopRandom.Cumulative(HourWeights);

    public static void Plan(SampleCustomer customer, ShopSeason season, SampleShopOptions options, List<long> moments, ref ShopRandom random)
    {
        moments.Clear();
        var lastDay = options.End.DayNumber;
        if (options.OrdersPerCustomer is { } mean)
        {
            var count = Math.Min(MaxOrdersPerCustomer, 1 + random.Poisson(mean - 1));
            for (var i = 0; i < count; i++)
            {
                moments.Add(MomentOn(season.DrawDay(ref random), season, ref random));
            }

            moments.Sort();
            return;
        }

        var day = season.DrawDay(ref random);
        moments.Add(MomentOn(day, season, ref random));
        if (!customer.Returns)
        {
            return;
        }

        while (moments.Count < MaxOrdersPerCustomer)
        {
            var next = day + Math.Max(3, (int)Math.Round(customer.CycleDays * random.LogNormal(1, 0.3)));
            // Shoppers hold a due purchase for a promotion that is near, or bring it forward to one.
            if (season.PromotionWithin(next - 12, 24) is { } promotion && promotion > day + 2 && random.Chance(0.45))
            {
                next = promotion;
            }

            if (next > lastDay)
            {
                return;
            }

            moments.Add(MomentOn(next, season, ref random));
            day = next;
            if (!random.Chance(customer.Loyalty))
            {
                return;
            }
        }
    }

    /// <summary>A time of day: evenings busiest; on a promotion day a quarter of orders come at midnight when the sale opens.</summary>
    private static long MomentOn(int day, ShopSeason season, ref ShopRandom random)
    {
        var hour = season.IsPromotion(day) && random.Chance(0.25) ? random.Next(2) : random.Pick(HourCumulative);
        return ExportWriter.Moment(day, (hour * 3600) + random.Next(3600));
    }
}
