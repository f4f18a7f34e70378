namespace CampaignEngine.Dispatch;

/// <summary>What the dispatcher did since it started, for the health line of <c>campaign serve</c> and the summary of <c>campaign run</c>.</summary>
internal sealed class DispatchCounters
{
    private long sent;
    private long failed;
    private long dead;
    private long deferred;
    private long cancelled;

    public long Sent => Interlocked.Read(ref sent);

    public long Failed => Interlocked.Read(ref failed);

    public long Dead => Interlocked.Read(ref dead);

    public long Deferred => Interlocked.Read(ref deferred);

    public long Cancelled => Interlocked.Read(ref cancelled);

    internal void CountSent() => Interlocked.Increment(ref sent);

    internal void CountFailed() => Interlocked.Increment(ref failed);

    internal void CountDead() => Interlocked.Increment(ref dead);

    internal void CountDeferred() => Interlocked.Increment(ref deferred);

    internal void CountCancelled() => Interlocked.Increment(ref cancelled);

    public override string ToString() => $"sent {Sent}, failed (to retry) {Failed}, dead {Dead}, deferred {Deferred}, cancelled {Cancelled}";
}
