namespace CampaignEngine.Campaigns.Schedules;

/// <summary>The customer events a campaign can be triggered by.</summary>
public enum CustomerEvent
{
    /// <summary>An order was paid (付款).</summary>
    OrderPaid,
    /// <summary>The parcel left the warehouse (发货).</summary>
    Shipped,
    /// <summary>The parcel arrived in the customer's city (到达同城).</summary>
    Arrived,
    /// <summary>The customer signed for the goods (签收).</summary>
    Signed,
    /// <summary>The customer's birthday (生日), every year.</summary>
    Birthday,
    /// <summary>A festival or shop day (节日), every year.</summary>
    Holiday,
}

/// <summary>
/// <c>on: signed + 7d</c>: the campaign is due for a customer when the event plus the offset has passed.
/// The occurrence is the event itself (this order's signing, this year's birthday), so one event gives
/// at most one send per rule. <see cref="Festival"/> is the canonical festival id for <see cref="CustomerEvent.Holiday"/>.
/// </summary>
public sealed record EventTrigger(CustomerEvent Event, string? Festival, TimeSpan Offset, string Text)
{
    /// <summary>The moment the campaign is due for an event that happened at <paramref name="eventMoment"/>.</summary>
    public DateTimeOffset DueAt(DateTimeOffset eventMoment) => eventMoment + Offset;

    /// <summary>The day the campaign is due for a yearly event (birthday, festival) falling on <paramref name="eventDay"/>.</summary>
    public DateOnly DueOn(DateOnly eventDay) => eventDay.AddDays((int)Math.Floor(Offset.TotalDays));
}
