namespace CampaignEngine.SampleShop;

/// <summary>Running counts behind <see cref="SampleShopSummary"/>; one per block of customers, added up in order.</summary>
internal sealed class ShopTally
{
    public long Orders;
    public long Lines;
    public long Closed;
    public long Refunded;
    public int Buying;
    public int OneOrder;
    public long Revenue;
    public long RepeatRevenue;

    public void Add(ShopTally other)
    {
        Orders += other.Orders;
        Lines += other.Lines;
        Closed += other.Closed;
        Refunded += other.Refunded;
        Buying += other.Buying;
        OneOrder += other.OneOrder;
        Revenue += other.Revenue;
        RepeatRevenue += other.RepeatRevenue;
    }

    public SampleShopSummary Summary(int customers)
        => new(customers, Orders, Lines, Closed, Refunded, Buying, OneOrder, Revenue, RepeatRevenue);
}
