namespace CampaignEngine.Orders;

/// <summary>
/// Where an order stands in the export. Paid orders are every status except <see cref="Closed"/>;
/// refunded ones are kept (for refund_count) but excluded from frequency and monetary.
/// </summary>
public enum OrderStatus : byte
{
    /// <summary>买家已付款，等待卖家发货.</summary>
    Paid,
    /// <summary>卖家已发货，等待买家确认.</summary>
    Shipped,
    /// <summary>交易成功 — the buyer confirmed receipt.</summary>
    Signed,
    /// <summary>退款成功.</summary>
    Refunded,
    /// <summary>交易关闭 — never paid or cancelled; skipped at ingest and counted as such.</summary>
    Closed,
}
