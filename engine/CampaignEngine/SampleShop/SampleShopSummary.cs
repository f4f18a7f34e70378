namespace CampaignEngine.SampleShop;

/// <summary>
/// What was generated, with the shop figures a marketer checks first. Repeat figures follow the
/// glossary: only paid orders that were not refunded count; an order is a repeat order when it is the
/// customer's 2nd or later such order.
/// </summary>
public sealed record SampleShopSummary(
    int Customers,
    long Orders,
    long OrderLines,
    long ClosedOrders,
    long RefundedOrders,
    int BuyingCustomers,
    int OneOrderCustomers,
    long RevenueFen,
    long RepeatRevenueFen)
{
    /// <summary>回头率: share of buying customers with two or more orders.</summary>
    public double RepeatPurchaseRate => BuyingCustomers == 0 ? 0 : 1.0 - ((double)OneOrderCustomers / BuyingCustomers);

    /// <summary>老客户销售占比: share of revenue from 2nd and later orders.</summary>
    public double RepeatRevenueShare => RevenueFen == 0 ? 0 : (double)RepeatRevenueFen / RevenueFen;
}
