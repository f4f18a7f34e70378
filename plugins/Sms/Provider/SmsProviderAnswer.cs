using System.Text.Json;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Shared;

namespace CampaignEngine.Plugins.Sms.Provider;

/// <summary>
/// Turns the provider's answer (<c>{"Code":"OK","BizId":"…","RequestId":"…","Message":"OK"}</c>) into an outcome.
/// Aliyun's convention decides: <c>isv.*</c> codes are the caller's fault — the number, the text, the
/// template — and retrying will not help (Rejected); <c>isp.*</c> codes are the provider's (Failed);
/// throttling waits; account and credential codes are Failed because the message is fine and the operator
/// must fix the setup. An unknown code is Failed, so no message is dropped for a code we have not met.
/// </summary>
internal static class SmsProviderAnswer
{
    private const string Provider = "the SMS provider";

    private static readonly Dictionary<string, TimeSpan> Throttles = new(StringComparer.Ordinal)
    {
        ["Throttling"] = TimeSpan.FromMinutes(1),
        ["Throttling.User"] = TimeSpan.FromMinutes(1),
        ["Throttling.Api"] = TimeSpan.FromMinutes(1),
        // Per-number limits (1 a minute, 5 an hour, 10 a day at Aliyun): the hour is what usually trips.
        ["isv.BUSINESS_LIMIT_CONTROL"] = TimeSpan.FromHours(1),
        ["isv.DAY_LIMIT_CONTROL"] = TimeSpan.FromHours(1),
    };

    private static readonly HashSet<string> AccountProblems = new(StringComparer.Ordinal)
    {
        "isv.AMOUNT_NOT_ENOUGH", "isv.OUT_OF_SERVICE", "isv.ACCOUNT_NOT_EXISTS", "isv.ACCOUNT_ABNORMAL",
        "SignatureDoesNotMatch", "IncompleteSignature", "InvalidAccessKeyId.NotFound", "InvalidAccessKeyId.Inactive",
        "InvalidTimeStamp.Expired", "SignatureNonceUsed", "isp.RAM_PERMISSION_DENY", "Forbidden.RAM",
    };

    private static readonly Dictionary<string, string> Explained = new(StringComparer.Ordinal)
    {
        ["isv.MOBILE_NUMBER_ILLEGAL"] = "the phone number is not a valid mobile number",
        ["isv.MOBILE_COUNT_OVER_LIMIT"] = "too many phone numbers in one request",
        ["isv.BLACK_KEY_CONTROL_LIMIT"] = "the text contains words the carriers block; reword the template",
        ["isv.SMS_TEMPLATE_ILLEGAL"] = "the template code is not approved at the provider; check templates/template_code",
        ["isv.SMS_SIGNATURE_ILLEGAL"] = "the sign name is not approved at the provider; check sign_name",
        ["isv.TEMPLATE_MISSING_PARAMETERS"] = "the provider's template needs variables the message does not have",
        ["isv.PARAM_LENGTH_LIMIT"] = "a template variable is longer than the provider allows",
        ["isv.INVALID_PARAMETERS"] = "the provider finds the request's parameters invalid",
    };

    public static SendOutcome ToOutcome(ProviderAnswer answer)
    {
        if (answer.Code == 429)
        {
            return answer.ByStatus(Provider, answer.Snippet());
        }

        if (answer.JsonObject() is not { } json || Text(json, "Code") is not { } code)
        {
            return answer.Code is >= 200 and < 300
                ? SendOutcome.Failed($"{Provider} answered HTTP {answer.Code} with something that is not its JSON answer: {answer.Snippet()}")
                : answer.ByStatus(Provider, answer.Snippet());
        }

        var said = $"{code}: {Text(json, "Message") ?? "(no message)"}";
        if (code == "OK")
        {
            return (Text(json, "BizId") ?? Text(json, "RequestId")) is { } id
                ? SendOutcome.Accepted(id)
                : SendOutcome.Failed($"{Provider} answered OK without a BizId or RequestId; cannot tell which message it took");
        }

        if (Throttles.TryGetValue(code, out var wait))
        {
            return SendOutcome.Failed($"{Provider} is throttling ({said}); retry later", answer.RetryAfter ?? wait);
        }

        if (AccountProblems.Contains(code))
        {
            return SendOutcome.Failed($"{Provider} refused our account or credentials ({said}); the operator must fix the channel's settings or balance");
        }

        if (code.StartsWith("isv.", StringComparison.Ordinal))
        {
            var why = Explained.TryGetValue(code, out var plain) ? plain + $" ({said})" : said;
            return SendOutcome.Rejected($"{Provider} refused the message: {why}");
        }

        return SendOutcome.Failed($"{Provider} could not send it ({said}); retry later", answer.RetryAfter);
    }

    private static string? Text(JsonElement json, string name)
        => json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
