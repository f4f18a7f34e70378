namespace CampaignEngine.Dispatch.Delivery;

/// <summary>
/// One channel's concurrency and rate: at most <see cref="ChannelLimits.Concurrency"/> sends at once, and
/// sends spaced at least 1 / <see cref="ChannelLimits.PerSecond"/> apart (providers count per second, and a
/// smooth pace never trips their limit the way a burst at the start of each second does).
/// </summary>
internal sealed class ChannelPace(ChannelLimits limits, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim slots = new(limits.Concurrency, limits.Concurrency);
    private readonly Lock gate = new();
    private DateTimeOffset nextStart = DateTimeOffset.MinValue;

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (limits.PerSecond is { } rate && rate > 0)
            {
                TimeSpan wait;
                lock (gate)
                {
                    var now = time.GetUtcNow();
                    var start = nextStart > now ? nextStart : now;
                    nextStart = start + TimeSpan.FromSeconds(1.0 / rate);
                    wait = start - now;
                }

                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                }
            }

            return new Release(slots);
        }
        catch
        {
            slots.Release();
            throw;
        }
    }

    public void Dispose() => slots.Dispose();

    private sealed class Release(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}

/// <summary>engine.yaml's <c>concurrency</c> and <c>rate_per_second</c> of a channel.</summary>
internal sealed record ChannelLimits(int Concurrency = 4, double? PerSecond = null);
