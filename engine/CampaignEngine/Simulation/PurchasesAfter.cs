using CampaignEngine.Orders;
using CampaignEngine.Reports;

namespace CampaignEngine.Simulation;

/// <summary>
/// Outcomes from the real history: did the customer pay an order within the window after a (simulated)
/// send, and how much. Only orders paid strictly after the send moment count; refunded and closed ones do
/// not, since the shop kept no money from them. The customer's orders are time-sorted, so this is a scan
/// of a short slice.
/// </summary>
internal sealed class PurchasesAfter(OrderHistory history, TimeZoneInfo shopZone, int windowDays)
{
    private DateTimeOffset _lastSentAt = DateTimeOffset.MinValue;
    private long _lastStart;

    public PurchaseOutcome Of(int row, DateTimeOffset sentAt)
    {
        if (row < 0)
        {
            return default;
        }

        if (sentAt != _lastSentAt)
        {
            // Sends share a handful of moments: convert each once.
            var local = TimeZoneInfo.ConvertTime(sentAt, shopZone).DateTime;
            (_lastSentAt, _lastStart) = (sentAt, (DateOnly.FromDateTime(local).DayNumber * 86400L) + (long)local.TimeOfDay.TotalSeconds);
        }

        var start = _lastStart;
        var end = start + (windowDays * 86400L);
        var converted = false;
        long revenue = 0;
        for (var o = history.CustomerOrderStarts[row]; o < history.CustomerOrderStarts[row + 1]; o++)
        {
            var paid = (history.PaidDay[o] * 86400L) + history.PaidSecond[o];
            if (paid <= start || history.Status[o] is OrderStatus.Refunded or OrderStatus.Closed)
            {
                continue;
            }

            if (paid > end)
            {
                break;
            }

            converted = true;
            revenue += history.AmountFen[o];
        }

        return new PurchaseOutcome(converted, revenue);
    }
}
