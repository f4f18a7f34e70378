using System.Collections.Concurrent;
using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Live.Tests.Support;

/// <summary>An in-process channel whose answers a test scripts, counting sends and the most at once.</summary>
internal sealed class ScriptedChannel(Func<ChannelMessage, int, SendOutcome> answer, TimeSpan? latency = null) : IChannel
{
    private int calls;
    private int running;
    private int mostAtOnce;

    public ConcurrentQueue<string> Keys { get; } = new();

    public int Calls => calls;

    public int MostAtOnce => mostAtOnce;

    public string Name => "sms";

    public ContactKind Reaches => ContactKind.Phone;

    public MessageCheck Check(ChannelMessage message) => MessageCheck.Ok;

    public CostEstimate EstimateCost(ChannelMessage message) => CostEstimate.Free;

    public async Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref calls);
        var now = Interlocked.Increment(ref running);
        int seen;
        while ((seen = mostAtOnce) < now && Interlocked.CompareExchange(ref mostAtOnce, now, seen) != seen)
        {
        }

        try
        {
            if (latency is { } delay)
            {
                await Task.Delay(delay, cancellationToken);
            }

            Keys.Enqueue(message.IdempotencyKey);
            return answer(message, call);
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }
}
