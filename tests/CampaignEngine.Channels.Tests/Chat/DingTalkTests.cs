using System.Text.Json;
using CampaignEngine.Channels.Tests.Support;
using CampaignEngine.Plugins.Chat.DingTalk;
using CampaignEngine.Plugins.Sdk;
using WireMock;

namespace CampaignEngine.Channels.Tests.Chat;

public sealed class DingTalkTests : IDisposable
{
    private readonly ProviderServer _robot = new();
    private readonly SecretVariable _token = new("c4d2f0e8a1b3token");
    private readonly SecretVariable _secret = new("SEC1a2b3c4d5e6f7+/=");

    public void Dispose()
    {
        _robot.Dispose();
        _token.Dispose();
        _secret.Dispose();
    }

    [Fact]
    public async Task A_signed_text_message_is_accepted_by_the_robot()
    {
        _robot.Answer(Judge, ProviderReply.Json("""{"errcode":0,"errmsg":"ok"}"""));

        var outcome = await Channel().SendAsync(Message("中秋快乐！会员专享月饼礼盒今日开抢。"), CancellationToken.None);

        Assert.Equal(SendStatus.Accepted, outcome.Status);
        using var body = JsonDocument.Parse(Assert.Single(_robot.Received).Body!);
        Assert.Equal("text", body.RootElement.GetProperty("msgtype").GetString());
    }

    [Fact]
    public async Task A_markdown_message_has_a_title_from_the_subject()
    {
        _robot.Answer(Judge, ProviderReply.Json("""{"errcode":0,"errmsg":"ok"}"""));

        var outcome = await Channel(new() { ["format"] = "markdown" }).SendAsync(Message("### 中秋快乐\n月饼礼盒今日开抢") with { Subject = "中秋快乐" }, CancellationToken.None);

        Assert.Equal(SendStatus.Accepted, outcome.Status);
        using var body = JsonDocument.Parse(Assert.Single(_robot.Received).Body!);
        Assert.Equal("中秋快乐", body.RootElement.GetProperty("markdown").GetProperty("title").GetString());
        Assert.StartsWith("### 中秋快乐", body.RootElement.GetProperty("markdown").GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_signature_made_with_the_wrong_secret_is_refused_by_the_robot_and_fails()
    {
        _robot.Answer(Judge, ProviderReply.Json("""{"errcode":0,"errmsg":"ok"}"""));
        using var wrong = new SecretVariable("SECwrong");

        var outcome = await Channel(new() { ["fans_secret_env"] = wrong.Name }).SendAsync(Message("中秋快乐"), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Contains("310000", outcome.Reason);
        Assert.DoesNotContain("SECwrong", outcome.Reason);
    }

    [Fact]
    public async Task A_robot_without_signing_gets_no_signature()
    {
        _robot.Answer(request => request.Query!.ContainsKey("sign") ? ProviderReply.Json("""{"errcode":1,"errmsg":"unexpected sign"}""") : null,
            ProviderReply.Json("""{"errcode":0,"errmsg":"ok"}"""));

        var outcome = await Channel(new() { ["fans_secret_env"] = "" }).SendAsync(Message("中秋快乐"), CancellationToken.None);

        Assert.Equal(SendStatus.Accepted, outcome.Status);
    }

    [Fact]
    public async Task A_message_without_the_robot_keyword_is_rejected_by_the_robot()
    {
        _robot.Answer(_ => null, ProviderReply.Json("""{"errcode":310000,"errmsg":"keywords not in content, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]"}"""));

        var outcome = await Channel().SendAsync(Message("中秋快乐"), CancellationToken.None);

        Assert.Equal(SendStatus.Rejected, outcome.Status);
    }

    [Fact]
    public void The_check_refuses_a_message_without_any_configured_keyword()
    {
        var channel = Channel(new() { ["keywords"] = "上新, 活动" });
        Assert.Contains("上新, 活动", Assert.Single(channel.Check(Message("中秋快乐")).Problems));
        Assert.Empty(channel.Check(Message("中秋活动开始啦")).Problems);
    }

    [Fact]
    public async Task Sending_too_fast_fails_and_retries_after_a_minute()
    {
        _robot.Answer(_ => null, ProviderReply.Json("""{"errcode":130101,"errmsg":"send too fast"}"""));

        var outcome = await Channel().SendAsync(Message("中秋快乐"), CancellationToken.None);

        Assert.Equal(TimeSpan.FromMinutes(1), outcome.RetryAfter);
        Assert.Equal(SendStatus.Failed, outcome.Status);
    }

    [Fact]
    public async Task A_server_error_fails_the_message()
    {
        _robot.Answer(_ => null, new ProviderReply(500, "oops", ContentType: "text/plain"));

        var outcome = await Channel().SendAsync(Message("中秋快乐"), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Contains("HTTP 500", outcome.Reason);
    }

    [Fact]
    public async Task An_unset_secret_variable_fails_naming_the_variable()
    {
        var outcome = await Channel(new() { ["fans_secret_env"] = "CE_TEST_DING_SECRET_NOT_SET" }).SendAsync(Message("中秋快乐"), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Contains("CE_TEST_DING_SECRET_NOT_SET", outcome.Reason);
    }

    private DingTalkChannel Channel(Dictionary<string, string>? overrides = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["endpoint"] = _robot.Url + "/robot/send",
            ["groups"] = "fans",
            ["fans_token_env"] = _token.Name,
            ["fans_secret_env"] = _secret.Name,
        };
        settings = TestConfiguration.Settings(settings, overrides);

        return new DingTalkChannel(new TestConfiguration("dingtalk_group", settings));
    }

    private static ChannelMessage Message(string text)
        => new("mid_autumn:fans:2026-10-06", "group:fans", "fans", text, Template: "mid_autumn");

    /// <summary>DingTalk's checks: token, a timestamp within an hour, and the HMAC-SHA256 sign over timestamp + "\n" + secret.</summary>
    private ProviderReply? Judge(IRequestMessage request)
    {
        var query = request.Query!;
        if (request.Path != "/robot/send" || query["access_token"].FirstOrDefault() != _token.Value)
        {
            return ProviderReply.Json("""{"errcode":300001,"errmsg":"token is not exist"}""");
        }

        var timestamp = query["timestamp"].FirstOrDefault() ?? "";
        var sign = query["sign"].FirstOrDefault() ?? "";
        var age = DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(timestamp));
        if (age.Duration() > TimeSpan.FromHours(1) || sign != Independent.DingTalkSignature(timestamp, _secret.Value!))
        {
            return ProviderReply.Json("""{"errcode":310000,"errmsg":"sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]"}""");
        }

        return null;
    }
}
