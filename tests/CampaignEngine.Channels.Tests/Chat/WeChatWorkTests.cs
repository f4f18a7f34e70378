using System.Text.Json;
using CampaignEngine.Channels.Tests.Support;
using CampaignEngine.Plugins.Chat.WeChatWork;
using CampaignEngine.Plugins.Sdk;
using WireMock;

namespace CampaignEngine.Channels.Tests.Chat;

public sealed class WeChatWorkTests : IDisposable
{
    private readonly ProviderServer _robot = new();
    private readonly SecretVariable _vipKey = new("693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa");

    public void Dispose()
    {
        _robot.Dispose();
        _vipKey.Dispose();
    }

    [Fact]
    public async Task A_text_message_is_posted_to_the_group_robot_with_its_key()
    {
        _robot.Answer(request => Judge(request, "text"), ProviderReply.Json("""{"errcode":0,"errmsg":"ok"}"""));

        var outcome = await Channel().SendAsync(Message("本周上新：秋冬羊毛大衣，会员抢先看！"), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted("new_arrivals:vip:2026-11-23"), outcome);
        using var body = JsonDocument.Parse(Assert.Single(_robot.Received).Body!);
        Assert.Equal("本周上新：秋冬羊毛大衣，会员抢先看！", body.RootElement.GetProperty("text").GetProperty("content").GetString());
    }

    [Fact]
    public async Task The_post_carries_the_idempotency_key_in_a_header_for_relays_that_deduplicate()
    {
        _robot.Answer(request => Judge(request, "text"), ProviderReply.Json("""{"errcode":0,"errmsg":"ok"}"""));

        await Channel().SendAsync(Message("上新"), CancellationToken.None);

        Assert.Equal("new_arrivals:vip:2026-11-23", Assert.Single(_robot.Received).Headers!["Idempotency-Key"].Single());
    }

    [Fact]
    public async Task Markdown_format_posts_a_markdown_message()
    {
        _robot.Answer(request => Judge(request, "markdown"), ProviderReply.Json("""{"errcode":0,"errmsg":"ok"}"""));

        var outcome = await Channel(new() { ["format"] = "markdown" }).SendAsync(Message("## 本周上新\n> 会员抢先看"), CancellationToken.None);

        Assert.Equal(SendStatus.Accepted, outcome.Status);
    }

    [Fact]
    public async Task Over_the_robot_rate_limit_the_message_fails_and_retries_after_a_minute()
    {
        _robot.Answer(_ => null, ProviderReply.Json("""{"errcode":45009,"errmsg":"api freq out of limit"}"""));

        var outcome = await Channel().SendAsync(Message("上新"), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed(outcome.Reason!, TimeSpan.FromMinutes(1)), outcome);
    }

    [Fact]
    public async Task An_invalid_robot_key_fails_the_message_without_showing_the_key()
    {
        _robot.Answer(_ => null, ProviderReply.Json("""{"errcode":93000,"errmsg":"invalid webhook url, hint: [1700000000_123], from ip: 1.2.3.4"}"""));

        var outcome = await Channel().SendAsync(Message("上新"), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Contains("93000", outcome.Reason);
        Assert.DoesNotContain(_vipKey.Value!, outcome.Reason);
    }

    [Fact]
    public async Task A_robot_answer_that_echoes_the_key_is_scrubbed_of_it()
    {
        _robot.Answer(request => ProviderReply.Json($$"""{"errcode":93000,"errmsg":"invalid webhook url, key={{request.Query!["key"].Single()}}"}"""), ProviderReply.Json("{}"));

        var outcome = await Channel().SendAsync(Message("上新"), CancellationToken.None);

        Assert.Contains("key=***", outcome.Reason);
        Assert.DoesNotContain(_vipKey.Value!, outcome.Reason);
    }

    [Fact]
    public async Task An_empty_content_answer_rejects_the_message()
    {
        _robot.Answer(_ => null, ProviderReply.Json("""{"errcode":44004,"errmsg":"empty content"}"""));

        var outcome = await Channel().SendAsync(Message("上新"), CancellationToken.None);

        Assert.Equal(SendStatus.Rejected, outcome.Status);
    }

    [Fact]
    public async Task An_answer_that_is_not_the_robot_JSON_fails_the_message()
    {
        _robot.Answer(_ => null, new ProviderReply(200, "<html>502 Bad Gateway</html>", ContentType: "text/html"));

        var outcome = await Channel().SendAsync(Message("上新"), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Contains("502 Bad Gateway", outcome.Reason);
    }

    [Fact]
    public async Task A_slow_robot_is_abandoned_when_the_token_fires()
    {
        _robot.AnswerSlowly(TimeSpan.FromSeconds(3), """{"errcode":0,"errmsg":"ok"}""");
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Channel().SendAsync(Message("上新"), deadline.Token));
    }

    [Fact]
    public void A_group_not_in_the_configuration_is_refused_by_the_check()
    {
        var problem = Assert.Single(Channel().Check(Message("上新") with { Address = "fans" }).Problems);
        Assert.Contains("'fans' is not one of the WeChat Work groups", problem);
        Assert.Contains("vip", problem);
    }

    [Fact]
    public void A_text_over_2048_bytes_is_refused_by_the_check()
    {
        // 683 Chinese characters are 2049 bytes in UTF-8.
        var problem = Assert.Single(Channel().Check(Message(new string('新', 683))).Problems);
        Assert.Contains("2049 bytes", problem);
        Assert.Empty(Channel().Check(Message(new string('新', 682))).Problems);
    }

    [Fact]
    public async Task An_unset_key_variable_fails_naming_the_variable()
    {
        var outcome = await Channel(new() { ["vip_key_env"] = "CE_TEST_WECOM_KEY_NOT_SET" }).SendAsync(Message("上新"), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Contains("CE_TEST_WECOM_KEY_NOT_SET", outcome.Reason);
        Assert.Empty(_robot.Received);
    }

    [Fact]
    public void A_group_message_is_free_unless_priced()
    {
        Assert.Equal(0, Channel().EstimateCost(Message("上新")).Fen);
        Assert.Equal(2, Channel(new() { ["price_fen"] = "2" }).EstimateCost(Message("上新")).Fen);
    }

    private WeChatWorkChannel Channel(Dictionary<string, string>? overrides = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["endpoint"] = _robot.Url + "/cgi-bin/webhook/send",
            ["groups"] = "vip",
            ["vip_key_env"] = _vipKey.Name,
        };
        settings = TestConfiguration.Settings(settings, overrides);

        return new WeChatWorkChannel(new TestConfiguration("wechat_group", settings));
    }

    private static ChannelMessage Message(string text)
        => new("new_arrivals:vip:2026-11-23", "group:vip", "vip", text, Template: "new_arrivals");

    private ProviderReply? Judge(IRequestMessage request, string msgtype)
    {
        if (request.Method != "POST" || request.Path != "/cgi-bin/webhook/send" || request.Query?["key"].FirstOrDefault() != _vipKey.Value)
        {
            return ProviderReply.Json("""{"errcode":93000,"errmsg":"invalid webhook url"}""");
        }

        using var body = JsonDocument.Parse(request.Body!);
        var root = body.RootElement;
        return root.GetProperty("msgtype").GetString() == msgtype && root.GetProperty(msgtype).GetProperty("content").GetString() is { Length: > 0 }
            ? null
            : ProviderReply.Json("""{"errcode":40008,"errmsg":"invalid message type"}""");
    }
}
