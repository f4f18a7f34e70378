using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Shared;

namespace CampaignEngine.Plugins.Wangwang.Gateway;

/// <summary>
/// Reads the gateway's TOP-style answer. Success: one <c>…_response</c> object carrying <c>message_id</c>.
/// Failure: <c>{"error_response":{"code":…,"msg":…,"sub_code":…,"sub_msg":…}}</c>, read with TOP's
/// conventions — code 7 is the call limit ("this ban will last for N more seconds"); codes 11 and 25–29 are
/// our app key, signature or session (the operator must fix the setup); 40/41 are bad arguments and a
/// <c>sub_code</c> starting <c>isv.</c> is the caller's fault (both Rejected); <c>isp.</c> and the rest are
/// the gateway's trouble (Failed).
/// </summary>
internal static partial class GatewayAnswer
{
    private const string Gateway = "the Wangwang gateway";

    public static SendOutcome ToOutcome(ProviderAnswer answer)
    {
        if (answer.Code == 429 || answer.JsonObject() is not { } json)
        {
            return answer.Code is >= 200 and < 300
                ? SendOutcome.Failed($"{Gateway} answered HTTP {answer.Code} with something that is not its JSON answer: {answer.Snippet()}")
                : answer.ByStatus(Gateway, answer.Snippet());
        }

        if (json.TryGetProperty("error_response", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            return Error(error, answer.RetryAfter);
        }

        foreach (var property in json.EnumerateObject())
        {
            if (property.Name.EndsWith("_response", StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.Object
                && Text(property.Value, "message_id") is { } id)
            {
                return SendOutcome.Accepted(id);
            }
        }

        return answer.Code is >= 200 and < 300
            ? SendOutcome.Failed($"{Gateway} answered without a message_id or an error_response: {answer.Snippet()}")
            : answer.ByStatus(Gateway, answer.Snippet());
    }

    private static SendOutcome Error(JsonElement error, TimeSpan? retryAfter)
    {
        var code = Text(error, "code") ?? "?";
        var subCode = Text(error, "sub_code") ?? "";
        var subMessage = Text(error, "sub_msg") ?? "";
        var said = $"code {code} {Text(error, "msg")}" + (subCode.Length > 0 ? $", {subCode} {subMessage}" : "");
        if (code == "7")
        {
            var ban = BanSeconds().Match(subMessage);
            var wait = ban.Success ? TimeSpan.FromSeconds(int.Parse(ban.Groups[1].Value, CultureInfo.InvariantCulture)) : TimeSpan.FromMinutes(1);
            return SendOutcome.Failed($"{Gateway} is limiting our calls ({said}); retry later", retryAfter ?? wait);
        }

        if (code is "11" or "25" or "26" or "27" or "28" or "29")
        {
            return SendOutcome.Failed($"{Gateway} refused our app key, signature or session ({said}); the operator must fix the channel's app_key / secret_env");
        }

        if (code is "40" or "41" || subCode.StartsWith("isv.", StringComparison.Ordinal))
        {
            return SendOutcome.Rejected($"{Gateway} refused the message ({said})");
        }

        return SendOutcome.Failed($"{Gateway} could not deliver it ({said}); retry later", retryAfter);
    }

    private static string? Text(JsonElement json, string name)
        => json.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String when value.GetString() is { Length: > 0 } text => text,
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    [GeneratedRegex(@"(\d+)\s*more\s*seconds", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BanSeconds();
}
