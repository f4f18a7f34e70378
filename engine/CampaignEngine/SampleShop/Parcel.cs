namespace CampaignEngine.SampleShop;

/// <summary>
/// What happened to a paid order by the export moment: shipped 0.5–2 days after payment (longer in the
/// Double 11 backlog, and not before couriers return from 春节), in the customer's city 1–3 days later
/// (3% of parcels stall 3–10 days more), signed 0–2 days after that; about 5% are refunded — a third
/// before shipping, the rest after delivery. Events after the export moment have not happened yet, so
/// recent orders are exported as paid or shipped, not signed.
/// </summary>
internal readonly record struct Parcel(long Shipped, long Arrived, long Signed, string Status, bool Refunded)
{
    public const string SignedStatus = "交易成功";
    public const string ShippedStatus = "卖家已发货，等待买家确认";
    public const string PaidStatus = "买家已付款，等待卖家发货";
    public const string RefundedStatus = "退款成功";
    public const string ClosedStatus = "交易关闭";

    private const long Day = 86_400;

    public static Parcel Closed { get; } = new(ExportWriter.NoMoment, ExportWriter.NoMoment, ExportWriter.NoMoment, ClosedStatus, false);

    /// <param name="exportMoment">The first moment after the period: events at or after it are not in the export.</param>
    public static Parcel Follow(long paid, ShopSeason season, long exportMoment, ref ShopRandom random)
    {
        var paidDay = ExportWriter.DayOf(paid);
        var handling = random.Between(0.5, 2.0) + (season.IsPromotion(paidDay) || season.IsPromotion(paidDay - 1) ? random.Between(0.5, 2.5) : 0);
        var shipped = paid + (long)(handling * Day);
        var courierDay = season.CourierDay(ExportWriter.DayOf(shipped));
        if (courierDay != ExportWriter.DayOf(shipped))
        {
            shipped = ExportWriter.Moment(courierDay, 9 * 3600) + (long)(random.NextDouble() * 9 * 3600);
        }

        var transit = random.Between(1.0, 3.0) + (random.Chance(0.03) ? random.Between(3.0, 10.0) : 0);
        var arrived = shipped + (long)(transit * Day);
        var signed = arrived + (long)(random.Between(0.0, 2.0) * Day);

        if (random.Chance(0.05))
        {
            if (random.Chance(1.0 / 3))
            {
                var refundedAt = paid + (long)(random.Between(0.05, 0.45) * Day);
                if (refundedAt < exportMoment)
                {
                    return new Parcel(ExportWriter.NoMoment, ExportWriter.NoMoment, ExportWriter.NoMoment, RefundedStatus, true);
                }
            }
            else if (signed + (long)(random.Between(1.0, 7.0) * Day) < exportMoment)
            {
                return new Parcel(shipped, arrived, signed, RefundedStatus, true);
            }
        }

        if (signed < exportMoment)
        {
            return new Parcel(shipped, arrived, signed, SignedStatus, false);
        }

        if (shipped < exportMoment)
        {
            return new Parcel(shipped, arrived < exportMoment ? arrived : ExportWriter.NoMoment, ExportWriter.NoMoment, ShippedStatus, false);
        }

        return new Parcel(ExportWriter.NoMoment, ExportWriter.NoMoment, ExportWriter.NoMoment, PaidStatus, false);
    }
}
