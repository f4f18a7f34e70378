namespace CampaignEngine.Campaigns.Limits;

/// <summary>How a cap's window is measured.</summary>
public enum CapWindowKind
{
    /// <summary>The last N×24 hours before the send (<c>1 per 14d</c>).</summary>
    Rolling,
    /// <summary>The current calendar day in the shop's time zone (<c>1 per day</c>).</summary>
    CalendarDay,
    /// <summary>The current ISO week, Monday to Sunday (<c>2 per week</c>).</summary>
    CalendarWeek,
    /// <summary>The current calendar month (<c>4 per month</c>).</summary>
    CalendarMonth,
}

/// <summary>
/// At most <see cref="Count"/> messages per window: per campaign (<c>per_customer: 1 per 14d</c>) or across
/// all campaigns (engine.yaml <c>global_caps: [max 3 per 30d]</c>). <see cref="Length"/> is set for rolling windows.
/// </summary>
public sealed record FrequencyCap(int Count, CapWindowKind Window, TimeSpan Length, string Text);
