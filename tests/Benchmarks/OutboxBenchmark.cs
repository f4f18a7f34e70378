using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using CampaignEngine.Dispatch;
using CampaignEngine.Dispatch.Delivery;
using CampaignEngine.Evaluation;
using CampaignEngine.Outbox;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.State;

namespace Benchmarks;

/// <summary>
/// The live run's durable path on a real SQLite file (WAL, synchronous=FULL — every commit is fsynced):
/// <see cref="Enqueue"/> writes 1,000 decided sends in one transaction (target ≥ 2,000 writes/s on 2 cores);
/// <see cref="DispatchToLocalHttp"/> sends 500 messages through the dispatcher (claim, send, mark sent with
/// contact and budget in one transaction each) to an HTTP provider on 127.0.0.1, 8 at a time.
/// Both report time per message (OperationsPerInvoke): writes/s = 1 s ÷ mean.
/// Run: <c>dotnet run -c Release --project tests/Benchmarks -- --filter '*OutboxBenchmark*' --job short</c>.
/// </summary>
public class OutboxBenchmark
{
    private const int Batch = 1000;
    private const int Dispatched = 500;
    private static readonly DateTimeOffset At = new(2026, 3, 3, 10, 0, 0, TimeSpan.FromHours(8));
    private string folder = "";
    private SqliteStateStore store = null!;
    private HttpListener listener = null!;
    private HttpClient client = null!;
    private Uri provider = null!;
    private int round;

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("ce-outbox-bench-").FullName;
        store = SqliteStateStore.Open(Path.Combine(folder, "state.db"));
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            provider = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
        }

        listener = new HttpListener();
        listener.Prefixes.Add(provider.ToString());
        listener.Start();
        _ = Task.Run(ServeAsync);
        client = new HttpClient();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        store.Dispose();
        listener.Close();
        client.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int Enqueue() => store.Enqueue(Entries(Batch), At);

    [Benchmark(OperationsPerInvoke = Dispatched)]
    public async Task<long> DispatchToLocalHttp()
    {
        store.Enqueue(Entries(Dispatched), At);
        var options = new DispatcherOptions { DefaultLimits = new ChannelLimits(8), BatchSize = 64 };
        using var dispatcher = new Dispatcher(store, new Dictionary<string, IChannel> { ["sms"] = new HttpChannel(client, provider) }, options, TimeProvider.System);
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        return dispatcher.Counters.Sent;
    }

    private List<OutboxEntry> Entries(int count)
    {
        var run = Interlocked.Increment(ref round);
        return [.. Enumerable.Range(0, count).Select(i => new OutboxEntry("bench", "r", $"c{run}-{i}", "2026-03-03", "sms", "t",
            new RenderedMessage("13800000000", "【小店】上新啦，回T退订"), 5, At, At))];
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() =>
            {
                var bytes = "{\"Code\":\"OK\",\"BizId\":\"b\"}"u8.ToArray();
                context.Response.StatusCode = 200;
                context.Response.OutputStream.Write(bytes);
                context.Response.Close();
            });
        }
    }

    /// <summary>A minimal HTTP channel: one POST per message with the idempotency key, like the SMS plugin.</summary>
    private sealed class HttpChannel(HttpClient client, Uri provider) : IChannel
    {
        public string Name => "sms";

        public ContactKind Reaches => ContactKind.Phone;

        public MessageCheck Check(ChannelMessage message) => MessageCheck.Ok;

        public CostEstimate EstimateCost(ChannelMessage message) => CostEstimate.Free;

        public async Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
        {
            using var content = new FormUrlEncodedContent([new("OutId", message.IdempotencyKey), new("PhoneNumbers", message.Address)]);
            using var response = await client.PostAsync(provider, content, cancellationToken);
            return response.IsSuccessStatusCode ? SendOutcome.Accepted("b") : SendOutcome.Failed($"HTTP {(int)response.StatusCode}");
        }
    }
}
