using System.Text;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace CampaignEngine.Channels.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 (WireMock.Net, free port) standing in for a provider. It judges each
/// request like the provider would — <c>judge</c> returns null when the request is right, or the provider's
/// error answer — and otherwise gives the scripted answer.
/// </summary>
internal sealed class ProviderServer : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    public string Url => _server.Url!;

    public IReadOnlyList<IRequestMessage> Received => _server.LogEntries.Select(e => e.RequestMessage).ToList();

    public void Answer(Func<IRequestMessage, ProviderReply?> judge, ProviderReply reply)
        => _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(request => ToMessage(judge(request) ?? reply)));

    public void AnswerSlowly(TimeSpan delay, string json)
        => _server.Given(Request.Create().UsingAnyMethod()).RespondWith(
            Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(json).WithDelay(delay));

    public void Dispose() => _server.Stop();

    /// <summary>The form body (application/x-www-form-urlencoded) as name → value.</summary>
    public static Dictionary<string, string> Form(IRequestMessage request)
        => Independent.ParseForm(request.Body ?? Encoding.UTF8.GetString(request.BodyAsBytes ?? []));

    private static ResponseMessage ToMessage(ProviderReply reply)
    {
        var headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(reply.ContentType) };
        if (reply.RetryAfter is { } retryAfter)
        {
            headers["Retry-After"] = new(retryAfter);
        }

        return new ResponseMessage
        {
            StatusCode = reply.Status,
            Headers = headers,
            BodyData = new BodyData { BodyAsString = reply.Body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
    }
}

/// <summary>What the fake provider answers.</summary>
internal sealed record ProviderReply(int Status, string Body, string? RetryAfter = null, string ContentType = "application/json")
{
    public static ProviderReply Json(string body) => new(200, body);
}
