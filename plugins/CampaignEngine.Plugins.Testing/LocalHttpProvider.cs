using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CampaignEngine.Plugins.Testing;

/// <summary>A request the <see cref="LocalHttpProvider"/> received.</summary>
public sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}

/// <summary>
/// A real HTTP server on 127.0.0.1 standing in for a channel's provider, for plugins that talk HTTP:
/// it records every request and answers as <see cref="Behaviour"/> says — 200 with
/// <c>{"id": "msg-N"}</c>, 503 with <c>Retry-After: 1</c>, or no answer at all until disposed.
/// </summary>
public sealed class LocalHttpProvider : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private readonly List<ReceivedRequest> requests = [];
    private readonly Func<ReceivedRequest, int, (int Status, string Body)>? answer;
    private readonly Task serving;

    /// <param name="answer">Optional answer of a working provider, given the request and its number (1, 2 …).</param>
    public LocalHttpProvider(Func<ReceivedRequest, int, (int Status, string Body)>? answer = null)
    {
        this.answer = answer;
        // HttpListener needs a fixed port: ask the OS for a free one first.
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
        }

        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public ProviderBehaviour Behaviour { get; set; } = ProviderBehaviour.Working;

    public IReadOnlyList<ReceivedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync().ConfigureAwait(false);
            var headers = context.Request.Headers.AllKeys.OfType<string>()
                .ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            var request = new ReceivedRequest(context.Request.HttpMethod, context.Request.Url?.PathAndQuery ?? "/", headers, body);
            int number;
            lock (gate)
            {
                requests.Add(request);
                number = requests.Count;
            }

            var (status, text) = Behaviour switch
            {
                ProviderBehaviour.Hanging => await HangAsync().ConfigureAwait(false),
                ProviderBehaviour.Failing => (503, "{\"error\": \"provider unavailable\"}"),
                _ => answer?.Invoke(request, number) ?? (200, $"{{\"id\": \"msg-{number}\"}}"),
            };
            if (status == 503)
            {
                context.Response.Headers["Retry-After"] = "1";
            }

            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(text);
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception)
        {
            // The client gave up (cancelled, timed out) or the server is stopping: nothing to answer.
        }
    }

    private async Task<(int, string)> HangAsync()
    {
        await Task.Delay(Timeout.Infinite, stopping.Token).ConfigureAwait(false);
        return (503, "");
    }

    public void Dispose()
    {
        stopping.Cancel();
        listener.Abort();
        listener.Close();
        try
        {
            serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Stopping: whatever the loop threw no longer matters.
        }

        stopping.Dispose();
    }
}
