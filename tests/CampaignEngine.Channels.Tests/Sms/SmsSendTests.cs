using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CampaignEngine.Channels.Tests.Support;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Sms;
using WireMock;
using static CampaignEngine.Channels.Tests.Sms.SmsFixtures;

namespace CampaignEngine.Channels.Tests.Sms;

public sealed class SmsSendTests : IDisposable
{
    private const string KeyId = "LTAI5tTestKeyId";
    private const string Accepted = """{"Message":"OK","RequestId":"F655A8D5-B967-440B-8683-DAD6FF8DE990","BizId":"900619746936498440^0","Code":"OK"}""";

    private readonly ProviderServer _provider = new();
    private readonly SecretVariable _keyId = new(KeyId);
    private readonly SecretVariable _secret = new("testSecret+/=秘密");

    public void Dispose()
    {
        _provider.Dispose();
        _keyId.Dispose();
        _secret.Dispose();
    }

    [Fact]
    public async Task A_correctly_signed_request_is_accepted_with_the_provider_BizId()
    {
        _provider.Answer(request => Judge(request, "HMAC-SHA1"), ProviderReply.Json(Accepted));

        var outcome = await Channel(Configured()).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted("900619746936498440^0"), outcome);
    }

    [Fact]
    public async Task The_request_carries_the_idempotency_key_as_OutId_and_the_template_with_its_variables()
    {
        _provider.Answer(request => Judge(request, "HMAC-SHA1"), ProviderReply.Json(Accepted));

        await Channel(Configured(new() { ["templates"] = "vip_coupon=SMS_900; after_sales=SMS_901" })).SendAsync(Message(address: "+86 138-1234-5678"), CancellationToken.None);

        var form = ProviderServer.Form(Assert.Single(_provider.Received));
        Assert.Equal("vip_winback:vip:C001:2026-11-23", form["OutId"]);
        Assert.Equal("13812345678", form["PhoneNumbers"]);
        Assert.Equal("小美家", form["SignName"]);
        Assert.Equal("SMS_900", form["TemplateCode"]);
        Assert.Equal("SendSms", form["Action"]);
        var variables = JsonSerializer.Deserialize<Dictionary<string, string>>(form["TemplateParam"])!;
        Assert.Equal("满199减30", variables["coupon"]);
        Assert.Equal("王女士", variables["name"]);
    }

    [Fact]
    public async Task HMAC_SHA256_can_be_chosen_for_providers_that_sign_that_way()
    {
        _provider.Answer(request => Judge(request, "HMAC-SHA256"), ProviderReply.Json(Accepted));

        var outcome = await Channel(Configured(new() { ["signature_method"] = "hmac-sha256" })).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendStatus.Accepted, outcome.Status);
    }

    [Fact]
    public async Task A_signature_made_with_the_wrong_secret_fails_without_showing_any_secret()
    {
        _provider.Answer(request => Judge(request, "HMAC-SHA1"), ProviderReply.Json(Accepted));
        using var wrong = new SecretVariable("notTheSecret");

        var outcome = await Channel(Configured(new() { ["secret_env"] = wrong.Name })).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Contains("SignatureDoesNotMatch", outcome.Reason);
        Assert.DoesNotContain("notTheSecret", outcome.Reason);
        Assert.DoesNotContain(_secret.Value!, outcome.Reason);
    }

    [Fact]
    public async Task An_invalid_number_at_the_provider_is_rejected_for_good()
    {
        _provider.Answer(_ => null, ProviderReply.Json("""{"Code":"isv.MOBILE_NUMBER_ILLEGAL","Message":"非法手机号","RequestId":"r1"}"""));

        var outcome = await Channel(Configured()).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendStatus.Rejected, outcome.Status);
        Assert.Contains("not a valid mobile number", outcome.Reason);
    }

    [Fact]
    public async Task Content_the_carriers_block_is_rejected_for_good()
    {
        _provider.Answer(_ => null, ProviderReply.Json("""{"Code":"isv.BLACK_KEY_CONTROL_LIMIT","Message":"黑名单管控"}"""));

        var outcome = await Channel(Configured()).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendStatus.Rejected, outcome.Status);
    }

    [Fact]
    public async Task The_per_number_limit_fails_the_message_and_retries_after_an_hour()
    {
        _provider.Answer(_ => null, ProviderReply.Json("""{"Code":"isv.BUSINESS_LIMIT_CONTROL","Message":"触发小时级流控Permits:5"}"""));

        var outcome = await Channel(Configured()).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendOutcome.Failed(outcome.Reason!, TimeSpan.FromHours(1)), outcome);
    }

    [Fact]
    public async Task HTTP_429_fails_the_message_and_keeps_the_provider_Retry_After()
    {
        _provider.Answer(_ => null, new ProviderReply(429, """{"Code":"Throttling.User","Message":"Request was denied due to user flow control."}""", RetryAfter: "7"));

        var outcome = await Channel(Configured()).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), outcome.RetryAfter);
    }

    [Fact]
    public async Task A_provider_error_5xx_fails_the_message_with_its_Retry_After()
    {
        _provider.Answer(_ => null, new ProviderReply(503, "<html>Service Unavailable</html>", RetryAfter: "30", ContentType: "text/html"));

        var outcome = await Channel(Configured()).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), outcome.RetryAfter);
        Assert.Contains("503", outcome.Reason);
    }

    [Theory]
    [InlineData("<html><body>Welcome to nginx!</body></html>")]
    [InlineData("""{"unexpected":true}""")]
    [InlineData("""["OK"]""")]
    [InlineData("")]
    public async Task Garbage_from_the_provider_fails_the_message_with_what_it_said(string body)
    {
        _provider.Answer(_ => null, ProviderReply.Json(body));

        var outcome = await Channel(Configured()).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Contains("not its JSON answer", outcome.Reason);
    }

    [Fact]
    public async Task OK_without_any_id_fails_rather_than_inventing_one()
    {
        _provider.Answer(_ => null, ProviderReply.Json("""{"Code":"OK"}"""));

        var outcome = await Channel(Configured()).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
    }

    [Fact]
    public async Task A_provider_slower_than_the_deadline_is_abandoned_when_the_token_fires()
    {
        _provider.AnswerSlowly(TimeSpan.FromSeconds(3), Accepted);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Channel(Configured()).SendAsync(Message(), deadline.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_provider_slower_than_the_channel_timeout_fails_the_message()
    {
        _provider.AnswerSlowly(TimeSpan.FromSeconds(3), Accepted);

        var outcome = await Channel(Configured(new() { ["timeout_seconds"] = "1" })).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Contains("did not answer within 1 s", outcome.Reason);
    }

    [Fact]
    public async Task A_provider_that_is_down_fails_the_message()
    {
        var outcome = await Channel(Configured(new() { ["endpoint"] = $"http://127.0.0.1:{FreePort.Find()}/" })).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Contains("could not reach the SMS provider", outcome.Reason);
    }

    [Fact]
    public async Task An_unset_secret_variable_fails_the_message_naming_the_variable_and_sends_nothing()
    {
        _provider.Answer(_ => null, ProviderReply.Json(Accepted));

        var outcome = await Channel(Configured(new() { ["secret_env"] = "CE_TEST_SMS_SECRET_NOT_SET" })).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Contains("set the environment variable CE_TEST_SMS_SECRET_NOT_SET", outcome.Reason);
        Assert.Empty(_provider.Received);
    }

    [Fact]
    public async Task A_message_that_fails_the_check_is_rejected_without_calling_the_provider()
    {
        _provider.Answer(_ => null, ProviderReply.Json(Accepted));

        var outcome = await Channel(Configured()).SendAsync(Message("【小美家】没有退订说明"), CancellationToken.None);

        Assert.Equal(SendStatus.Rejected, outcome.Status);
        Assert.Contains("回T退订", outcome.Reason);
        Assert.Empty(_provider.Received);
    }

    [Fact]
    public async Task A_token_cancelled_before_sending_sends_nothing()
    {
        _provider.Answer(_ => null, ProviderReply.Json(Accepted));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Channel(Configured()).SendAsync(Message(), new CancellationToken(canceled: true)));

        Assert.Empty(_provider.Received);
    }

    private Dictionary<string, string> Configured(Dictionary<string, string>? overrides = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["endpoint"] = _provider.Url + "/",
            ["access_key_env"] = _keyId.Name,
            ["secret_env"] = _secret.Name,
            ["sign_name"] = "小美家",
        };
        settings = TestConfiguration.Settings(settings, overrides);

        return settings;
    }

    private static SmsChannel Channel(Dictionary<string, string> settings) => SmsFixtures.Channel(settings);

    /// <summary>What the provider checks before it sends anything: the signature, the clock, the fixed parameters.</summary>
    private ProviderReply? Judge(IRequestMessage request, string method)
    {
        var form = ProviderServer.Form(request);
        if (request.Method != "POST" || !form.TryGetValue("Signature", out var signature))
        {
            return new ProviderReply(400, """{"Code":"MissingSignature"}""");
        }

        if (form["AccessKeyId"] != KeyId || form["SignatureMethod"] != method || form["SignatureVersion"] != "1.0" || form["Format"] != "JSON")
        {
            return new ProviderReply(400, """{"Code":"InvalidParameter","Message":"fixed parameters"}""");
        }

        var sent = DateTimeOffset.ParseExact(form["Timestamp"], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        if ((DateTimeOffset.UtcNow - sent).Duration() > TimeSpan.FromMinutes(15) || form["SignatureNonce"].Length < 16)
        {
            return new ProviderReply(400, """{"Code":"InvalidTimeStamp.Expired"}""");
        }

        return signature == Independent.AliyunSignature(form, _secret.Value!, method)
            ? null
            : new ProviderReply(400, """{"Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation."}""");
    }
}
