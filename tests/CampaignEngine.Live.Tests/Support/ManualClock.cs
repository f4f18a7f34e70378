namespace CampaignEngine.Live.Tests.Support;

/// <summary>A clock the test sets; timers still run on real time (only the dispatcher's pace uses them).</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
