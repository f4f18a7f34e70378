using System.Text.Json;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Shared;

namespace CampaignEngine.Plugins.Chat.Groups;

/// <summary>How a robot's error codes are to be read: which refuse the message, which ask us to slow down.</summary>
internal sealed record RobotErrorCodes(IReadOnlySet<long> Throttled, IReadOnlySet<long> MessageRefused, Func<long, string, bool>? RefusesMessage = null);

/// <summary>
/// Reads a group robot's answer, <c>{"errcode":0,"errmsg":"ok"}</c> (WeChat Work and DingTalk alike).
/// errcode 0 is accepted; the robot returns no message id, so the idempotency key stands in for it.
/// Codes that refuse the message itself are Rejected; throttling waits a minute (both robots allow 20
/// messages a minute); every other code (bad key, robot removed, provider busy) is Failed: the message
/// is fine and the setup or the provider must recover.
/// </summary>
internal static class RobotAnswer
{
    public static SendOutcome ToOutcome(ProviderAnswer answer, string robot, RobotErrorCodes codes, string messageId)
    {
        if (answer.Code == 429 || answer.JsonObject() is not { } json
            || !json.TryGetProperty("errcode", out var errcode) || errcode.ValueKind != JsonValueKind.Number)
        {
            return answer.Code is >= 200 and < 300
                ? SendOutcome.Failed($"the {robot} robot answered HTTP {answer.Code} with something that is not its JSON answer: {answer.Snippet()}")
                : answer.ByStatus($"the {robot} robot", answer.Snippet());
        }

        var code = errcode.GetInt64();
        var message = json.TryGetProperty("errmsg", out var errmsg) && errmsg.ValueKind == JsonValueKind.String ? errmsg.GetString() ?? "" : "";
        var said = $"errcode {code}: {message}";
        if (code == 0)
        {
            return SendOutcome.Accepted(messageId);
        }

        if (codes.Throttled.Contains(code))
        {
            return SendOutcome.Failed($"the {robot} robot is throttling ({said}); retry later", answer.RetryAfter ?? TimeSpan.FromMinutes(1));
        }

        return codes.MessageRefused.Contains(code) || codes.RefusesMessage?.Invoke(code, message) == true
            ? SendOutcome.Rejected($"the {robot} robot refused the message ({said})")
            : SendOutcome.Failed($"the {robot} robot could not post it ({said}); check the group's robot and credentials", answer.RetryAfter);
    }
}
