using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Shared;

namespace CampaignEngine.Plugins.Chat.Groups;

/// <summary>Posts a robot message (JSON) to its webhook URL and reads the answer.</summary>
internal static class RobotPost
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<SendOutcome> SendAsync(
        HttpClient http, Uri webhook, object body, string robot, RobotErrorCodes codes, ChannelMessage message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json"),
        };

        // The robots have no field for it and ignore the header, but a relay or proxy in front of them
        // can drop a repeated post by it (IETF draft "The Idempotency-Key HTTP Header Field").
        request.Headers.Add("Idempotency-Key", message.IdempotencyKey);

        var (answer, failure) = await ProviderHttp.SendAsync(http, request, $"the {robot} robot", cancellationToken).ConfigureAwait(false);
        return failure ?? RobotAnswer.ToOutcome(answer!, robot, codes, message.IdempotencyKey);
    }

    /// <summary>The webhook URL with the robot's query parameters added (the credentials are in it: never put it in a reason).</summary>
    public static Uri WithQuery(Uri endpoint, params (string Name, string Value)[] parameters)
    {
        var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
        var builder = new UriBuilder(endpoint);
        builder.Query = string.IsNullOrEmpty(builder.Query) || builder.Query == "?" ? query : builder.Query.TrimStart('?') + "&" + query;
        return builder.Uri;
    }
}
