using System.Globalization;
using CampaignEngine.Channels.Tests.Support;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Wangwang;
using WireMock;

namespace CampaignEngine.Channels.Tests.Wangwang;

public sealed class WangwangTests : IDisposable
{
    private const string Accepted = """{"wangwang_message_send_response":{"message_id":"WW20261123000123","request_id":"r-1"}}""";

    private readonly ProviderServer _gateway = new();
    private readonly SecretVariable _secret = new("appSecret 旺旺+&=");

    public void Dispose()
    {
        _gateway.Dispose();
        _secret.Dispose();
    }

    [Fact]
    public async Task A_correctly_signed_message_is_accepted_with_the_gateway_message_id()
    {
        _gateway.Answer(Judge, ProviderReply.Json(Accepted));

        var outcome = await Channel().SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted("WW20261123000123"), outcome);
    }

    [Fact]
    public async Task The_request_names_seller_buyer_content_and_idempotency_key()
    {
        _gateway.Answer(Judge, ProviderReply.Json(Accepted));

        await Channel().SendAsync(Message(), CancellationToken.None);

        var form = ProviderServer.Form(Assert.Single(_gateway.Received));
        Assert.Equal("小美家旗舰店", form["seller_nick"]);
        Assert.Equal("tb_王小美88", form["buyer_nick"]);
        Assert.Equal("亲，您买的羊毛大衣已签收一周啦，穿着还合身吗？有问题随时找我们~", form["content"]);
        Assert.Equal("after_sales:care:C001:2026-11-23", form["out_id"]);
        Assert.Equal("12345678", form["app_key"]);
        Assert.Equal("hmac-sha256", form["sign_method"]);
    }

    [Fact]
    public async Task A_signature_made_with_the_wrong_secret_fails_without_showing_it()
    {
        _gateway.Answer(Judge, ProviderReply.Json(Accepted));
        using var wrong = new SecretVariable("wrongSecret");

        var outcome = await Channel(new() { ["secret_env"] = wrong.Name }).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Contains("Invalid signature", outcome.Reason);
        Assert.DoesNotContain("wrongSecret", outcome.Reason);
    }

    [Fact]
    public async Task The_call_limit_fails_the_message_and_waits_as_long_as_the_ban_lasts()
    {
        _gateway.Answer(_ => null, ProviderReply.Json("""{"error_response":{"code":7,"msg":"App Call Limited","sub_code":"accesscontrol.limited-by-app-access-count","sub_msg":"This ban will last for 42 more seconds"}}"""));

        var outcome = await Channel().SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Equal(TimeSpan.FromSeconds(42), outcome.RetryAfter);
    }

    [Fact]
    public async Task An_unknown_buyer_is_rejected_for_good()
    {
        _gateway.Answer(_ => null, ProviderReply.Json("""{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isv.buyer-not-exist","sub_msg":"买家不存在"}}"""));

        var outcome = await Channel().SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendStatus.Rejected, outcome.Status);
        Assert.Contains("isv.buyer-not-exist", outcome.Reason);
    }

    [Fact]
    public async Task A_gateway_side_error_fails_the_message()
    {
        _gateway.Answer(_ => null, ProviderReply.Json("""{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isp.service-unavailable"}}"""));

        var outcome = await Channel().SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
    }

    [Theory]
    [InlineData(200, "not json at all")]
    [InlineData(200, """{"wangwang_message_send_response":{}}""")]
    [InlineData(502, "<html>Bad Gateway</html>")]
    public async Task Garbage_or_gateway_errors_fail_the_message(int status, string body)
    {
        _gateway.Answer(_ => null, new ProviderReply(status, body));

        var outcome = await Channel().SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
    }

    [Fact]
    public async Task A_bad_request_is_rejected()
    {
        _gateway.Answer(_ => null, new ProviderReply(400, "bad request", ContentType: "text/plain"));

        var outcome = await Channel().SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendStatus.Rejected, outcome.Status);
    }

    [Fact]
    public async Task A_slow_gateway_is_abandoned_when_the_token_fires()
    {
        _gateway.AnswerSlowly(TimeSpan.FromSeconds(3), Accepted);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Channel().SendAsync(Message(), deadline.Token));
    }

    [Fact]
    public void A_link_off_Taobao_is_refused_and_a_link_to_the_shop_is_fine()
    {
        var problem = Assert.Single(Channel().Check(Message("加我微信领券 https://weidian.com/s/123")).Problems);
        Assert.Contains("weidian.com", problem);
        Assert.Empty(Channel().Check(Message("新品在这里 https://item.taobao.com/item.htm?id=1")).Problems);
    }

    [Fact]
    public void An_empty_nick_or_message_is_refused()
    {
        Assert.Contains("buyer nick", Assert.Single(Channel().Check(Message() with { Address = " " }).Problems));
        Assert.Contains("empty", Assert.Single(Channel().Check(Message("")).Problems));
    }

    private WangwangChannel Channel(Dictionary<string, string>? overrides = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["endpoint"] = _gateway.Url + "/router/rest",
            ["app_key"] = "12345678",
            ["secret_env"] = _secret.Name,
            ["seller_nick"] = "小美家旗舰店",
        };
        settings = TestConfiguration.Settings(settings, overrides);

        return new WangwangChannel(new TestConfiguration("wangwang", settings));
    }

    private static ChannelMessage Message(string text = "亲，您买的羊毛大衣已签收一周啦，穿着还合身吗？有问题随时找我们~")
        => new("after_sales:care:C001:2026-11-23", "C001", "tb_王小美88", text, Template: "after_sales");

    /// <summary>The gateway's checks: app key, a Beijing-time timestamp within 10 minutes, and the TOP hmac-sha256 sign.</summary>
    private ProviderReply? Judge(IRequestMessage request)
    {
        var form = ProviderServer.Form(request);
        if (form.GetValueOrDefault("app_key") != "12345678")
        {
            return ProviderReply.Json("""{"error_response":{"code":29,"msg":"Invalid app Key"}}""");
        }

        var sent = DateTimeOffset.ParseExact(form["timestamp"] + " +08:00", "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
        if ((DateTimeOffset.UtcNow - sent).Duration() > TimeSpan.FromMinutes(10))
        {
            return ProviderReply.Json("""{"error_response":{"code":31,"msg":"Invalid timestamp"}}""");
        }

        return form.GetValueOrDefault("sign") == Independent.TopSignature(form, _secret.Value!)
            ? null
            : ProviderReply.Json("""{"error_response":{"code":25,"msg":"Invalid signature"}}""");
    }
}
