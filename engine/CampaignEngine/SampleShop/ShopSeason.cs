using CampaignEngine.Calendar;

namespace CampaignEngine.SampleShop;

/// <summary>
/// How busy the shop is on each day of the period: apparel sells more in autumn and winter, the
/// platform festivals (双十一 above all, then 618 and 双十二) bring sharp peaks with a pre-sale run-up,
/// and around 春节 couriers stop and buyers stay away. Also which promotion a repeat buyer waits for.
/// </summary>
internal sealed class ShopSeason
{
    private static readonly double[] MonthFactor = [1.0, 0.8, 0.9, 0.95, 0.9, 0.95, 0.8, 0.8, 1.0, 1.15, 1.3, 1.2];

    private readonly int _firstDay;
    private readonly double[] _cumulative;
    private readonly HashSet<int> _promotionDays = [];
    private readonly List<int> _promotionDayList = [];
    private readonly List<(int First, int Last)> _courierPauses = [];

    public ShopSeason(DateOnly start, DateOnly end, FestivalCalendar calendar)
    {
        _firstDay = start.DayNumber;
        var days = end.DayNumber - start.DayNumber + 1;
        var weights = new double[days];
        for (var i = 0; i < days; i++)
        {
            weights[i] = MonthFactor[start.AddDays(i).Month - 1];
        }

        // The pause covers some days after the period too: an order paid on the period's last day may ship into it.
        for (var year = start.Year; year <= end.Year + 1; year++)
        {
            Boost(weights, new DateOnly(year, 11, 11), 12.0, runUpDays: 10, runUpFactor: 1.8);
            Boost(weights, new DateOnly(year, 6, 18), 5.0, runUpDays: 17, runUpFactor: 1.4);
            Boost(weights, new DateOnly(year, 12, 12), 3.0, runUpDays: 0, runUpFactor: 1);
            Boost(weights, new DateOnly(year, 3, 8), 2.0, runUpDays: 2, runUpFactor: 1.2);
            Boost(weights, new DateOnly(year, 5, 20), 1.5, runUpDays: 0, runUpFactor: 1);
            if (calendar.TryFind("spring_festival", out var springFestival) && calendar.TryDateIn(springFestival, year, out var newYear))
            {
                // Couriers stop for about a week either side of 春节; orders drop well before it.
                _courierPauses.Add((newYear.DayNumber - 6, newYear.DayNumber + 6));
                for (var d = newYear.DayNumber - 10; d <= newYear.DayNumber + 8; d++)
                {
                    var i = d - _firstDay;
                    if (i >= 0 && i < days)
                    {
                        weights[i] *= 0.35;
                    }
                }
            }
        }

        _cumulative = ShopRandom.Cumulative(weights);
    }

    /// <summary>A day of the period drawn by demand (a day number, see <see cref="DateOnly.DayNumber"/>).</summary>
    public int DrawDay(ref ShopRandom random) => _firstDay + random.Pick(_cumulative);

    public bool IsPromotion(int day) => _promotionDays.Contains(day);

    /// <summary>The first big promotion day in [from, from + withinDays], or null.</summary>
    public int? PromotionWithin(int from, int withinDays)
    {
        foreach (var day in _promotionDayList)
        {
            if (day >= from && day <= from + withinDays)
            {
                return day;
            }
        }

        return null;
    }

    /// <summary>The day a parcel handed over on <paramref name="day"/> really moves: after the 春节 courier pause.</summary>
    public int CourierDay(int day)
    {
        foreach (var (first, last) in _courierPauses)
        {
            if (day >= first && day <= last)
            {
                return last + 1;
            }
        }

        return day;
    }

    private void Boost(double[] weights, DateOnly day, double factor, int runUpDays, double runUpFactor)
    {
        if (factor >= 3)
        {
            _promotionDays.Add(day.DayNumber);
            _promotionDayList.Add(day.DayNumber);
            _promotionDayList.Sort();
        }

        for (var d = day.DayNumber - runUpDays; d <= day.DayNumber; d++)
        {
            var i = d - _firstDay;
            if (i >= 0 && i < weights.Length)
            {
                weights[i] *= d == day.DayNumber ? factor : runUpFactor;
            }
        }
    }
}
