using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Plugins.Shared;

/// <summary>What an HTTP provider answered: status, body, and the Retry-After it asked for.</summary>
internal sealed record ProviderAnswer(HttpStatusCode Status, string Body, TimeSpan? RetryAfter)
{
    public int Code => (int)Status;

    /// <summary>The body as JSON, or null when it is not a JSON object (garbage, an HTML error page …).</summary>
    public JsonElement? JsonObject()
    {
        try
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A short, printable piece of the body for a reason (providers' bodies never carry our secrets, but are cut short anyway).</summary>
    public string Snippet()
    {
        var flat = string.Join(' ', Body.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length == 0 ? "an empty body" : flat.Length <= 120 ? $"'{flat}'" : $"'{flat[..120]}…'";
    }

    /// <summary>
    /// The outcome for an HTTP status that carries no provider answer we understand. 429 and 5xx are
    /// transient; 401/403/404/405 mean our credentials or endpoint are wrong — transient for the message, the
    /// operator must fix the setup; any other 4xx refuses this request for good.
    /// </summary>
    public SendOutcome ByStatus(string provider, string detail)
        => Code switch
        {
            429 => SendOutcome.Failed($"{provider} is throttling us (HTTP 429); retry later", RetryAfter ?? TimeSpan.FromSeconds(60)),
            >= 500 => SendOutcome.Failed($"{provider} had an internal error (HTTP {Code}): {detail}", RetryAfter),
            401 or 403 => SendOutcome.Failed($"{provider} refused our credentials (HTTP {Code}): check the channel's key settings. {detail}"),
            404 or 405 => SendOutcome.Failed($"{provider} does not know this address (HTTP {Code}): check the channel's endpoint setting. {detail}"),
            >= 400 => SendOutcome.Rejected($"{provider} refused the message (HTTP {Code}): {detail}"),
            _ => SendOutcome.Failed($"{provider} answered HTTP {Code} with something that is not its usual answer: {detail}"),
        };
}

/// <summary>
/// One HTTP call to a provider. Transport trouble (refused connection, reset, our own timeout) becomes a
/// Failed outcome; the caller's token firing (the engine's deadline) is honoured by throwing
/// <see cref="OperationCanceledException"/>, the .NET convention the engine's wrapper turns into a timeout.
/// </summary>
internal static class ProviderHttp
{
    public static HttpClient CreateClient(TimeSpan timeout)
        => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
        {
            Timeout = timeout,
        };

    public static async Task<(ProviderAnswer? Answer, SendOutcome? Failure)> SendAsync(
        HttpClient client, HttpRequestMessage request, string provider, CancellationToken cancellationToken)
    {
        var host = request.RequestUri is { } uri ? $"{uri.Host}:{uri.Port}" : "the provider";
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return (new ProviderAnswer(response.StatusCode, body, RetryAfterOf(response)), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TaskCanceledException)
        {
            return (null, SendOutcome.Failed($"{provider} at {host} did not answer within {client.Timeout.TotalSeconds:0} s (setting timeout_seconds)"));
        }
        catch (HttpRequestException e)
        {
            var cause = e.InnerException is SocketException socket ? socket.SocketErrorCode.ToString() : e.HttpRequestError.ToString();
            return (null, SendOutcome.Failed($"could not reach {provider} at {host} ({cause}); retry later"));
        }
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - (response.Headers.Date ?? DateTimeOffset.UtcNow);
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
