namespace CampaignEngine.Orders;

public sealed partial class OrderHistory
{
    private readonly OrderEventIndex?[] _eventIndexes = new OrderEventIndex?[4];

    /// <summary>The orders with an event of this kind, by moment; built on first use (one dry-run needs all four, <c>stats</c> none).</summary>
    internal OrderEventIndex EventsOf(OrderEventKind kind)
    {
        lock (_eventIndexes)
        {
            return _eventIndexes[(int)kind] ??= kind switch
            {
                OrderEventKind.Paid => OrderEventIndex.Build(PaidDay, PaidSecond),
                OrderEventKind.Shipped => OrderEventIndex.Build(ShippedDay, ShippedSecond),
                OrderEventKind.Arrived => OrderEventIndex.Build(ArrivedDay, ArrivedSecond),
                _ => OrderEventIndex.Build(SignedDay, SignedSecond),
            };
        }
    }
}
