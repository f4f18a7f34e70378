using System.Collections.Concurrent;
using System.Net;
using CampaignEngine.Plugins.Testing;

namespace CampaignEngine.Live.Tests.Support;

/// <summary>
/// An Aliyun-style SMS provider on 127.0.0.1 that honours the idempotency key (<c>OutId</c>): the first
/// request with a key is accepted and counted; a later one with the same key gets the same BizId back and is
/// counted as a deduplicated re-send, never as a second delivery. <see cref="Answer"/> can be switched to make
/// it fail or answer garbage.
/// </summary>
internal sealed class IdempotentSmsProvider : IDisposable
{
    private readonly ConcurrentDictionary<string, string> accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> resends = new(StringComparer.Ordinal);
    private readonly LocalHttpProvider server;

    public IdempotentSmsProvider() => server = new LocalHttpProvider(Respond);

    public Uri Url => server.Url;

    /// <summary>Null: a working provider. Otherwise the answer to give instead (status, body).</summary>
    public Func<(int Status, string Body)?> Answer { get; set; } = () => null;

    public IReadOnlyDictionary<string, string> Accepted => accepted;

    /// <summary>Re-sends the provider recognised by key and did not deliver again (after a crash in flight).</summary>
    public int Resends => resends.Values.Sum();

    public int Requests => server.Requests.Count;

    private (int Status, string Body) Respond(ReceivedRequest request, int number)
    {
        if (Answer() is { } forced)
        {
            return forced;
        }

        var form = request.Body.Split('&').Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p[1]), StringComparer.Ordinal);
        if (!form.TryGetValue("OutId", out var key) || key.Length == 0)
        {
            return (400, "{\"Code\":\"isv.MISSING_OUT_ID\",\"Message\":\"no OutId\"}");
        }

        var bizId = $"biz-{number}";
        var first = accepted.GetOrAdd(key, bizId);
        if (!ReferenceEquals(first, bizId))
        {
            resends.AddOrUpdate(key, 1, (_, n) => n + 1);
        }

        return (200, $"{{\"Code\":\"OK\",\"BizId\":\"{first}\",\"RequestId\":\"r-{number}\",\"Message\":\"OK\"}}");
    }

    public void Dispose() => server.Dispose();
}
