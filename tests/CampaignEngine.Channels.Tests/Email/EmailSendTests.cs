using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CampaignEngine.Channels.Tests.Support;
using CampaignEngine.Plugins.Email;
using CampaignEngine.Plugins.Sdk;
using MimeKit;

namespace CampaignEngine.Channels.Tests.Email;

public sealed class EmailSendTests(SmtpServer smtp) : IClassFixture<SmtpServer>
{
    [Fact]
    public async Task A_message_is_delivered_with_subject_both_parts_and_unsubscribe_headers()
    {
        var message = Message("wang@example.com") with { Html = "<p>王女士，您的<b>会员专享券</b>已到账。</p>" };

        var outcome = await Channel().SendAsync(message, CancellationToken.None);

        Assert.Equal(SendStatus.Accepted, outcome.Status);
        var delivered = smtp.Delivered(outcome.ProviderMessageId!);
        Assert.Equal("会员专享券已到账", delivered.Subject);
        Assert.Equal("care@shop.example", delivered.From.Mailboxes.Single().Address);
        Assert.Equal("小美家", delivered.From.Mailboxes.Single().Name);
        Assert.Equal("wang@example.com", delivered.To.Mailboxes.Single().Address);
        Assert.Equal("<mailto:unsubscribe@shop.example?subject=C001>, <https://shop.example/unsubscribe?c=C001>", delivered.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", delivered.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("王女士，您的会员专享券已到账。", delivered.TextBody?.Trim());
        Assert.Contains("<b>会员专享券</b>", delivered.HtmlBody);
    }

    [Fact]
    public async Task A_text_only_template_also_gets_an_HTML_part()
    {
        var outcome = await Channel().SendAsync(Message("li@example.com", text: "第一段\n第二行\n\n第二段 <不是标签>"), CancellationToken.None);

        var delivered = smtp.Delivered(outcome.ProviderMessageId!);
        Assert.Contains("<p>第一段<br>第二行</p><p>第二段 &lt;不是标签&gt;</p>", delivered.HtmlBody);
        Assert.StartsWith("第一段", delivered.TextBody);
    }

    [Fact]
    public async Task The_Message_ID_comes_from_the_idempotency_key_so_a_resend_is_recognisable()
    {
        var first = await Channel().SendAsync(Message("zhao@example.com", key: "birthday:gift:C042:2026-11-23"), CancellationToken.None);
        var again = await Channel().SendAsync(Message("zhao@example.com", key: "birthday:gift:C042:2026-11-23"), CancellationToken.None);
        var other = await Channel().SendAsync(Message("zhao@example.com", key: "birthday:gift:C042:2026-11-24"), CancellationToken.None);

        Assert.Equal(first.ProviderMessageId, again.ProviderMessageId);
        Assert.NotEqual(first.ProviderMessageId, other.ProviderMessageId);
        Assert.StartsWith("birthday-gift-C042-2026-11-23.", first.ProviderMessageId);
        Assert.EndsWith("@shop.example", first.ProviderMessageId);
        Assert.Equal(2, smtp.DeliveredCount(first.ProviderMessageId!));
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_with_5xx_is_rejected_for_good()
    {
        var outcome = await Channel().SendAsync(Message("nobody@example.com"), CancellationToken.None);

        Assert.Equal(SendStatus.Rejected, outcome.Status);
        Assert.Contains("550", outcome.Reason);
        Assert.Contains("nobody@example.com", outcome.Reason);
    }

    [Fact]
    public async Task A_recipient_the_server_defers_with_4xx_fails_for_a_retry()
    {
        var outcome = await Channel().SendAsync(Message("busy@example.com"), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Contains("451", outcome.Reason);
    }

    [Fact]
    public async Task A_mail_server_that_is_down_fails_the_message()
    {
        var outcome = await Channel(port: FreePort.Find()).SendAsync(Message("wang@example.com"), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Contains("ConnectionRefused", outcome.Reason);
    }

    [Fact]
    public async Task A_mail_server_that_never_greets_is_abandoned_when_the_token_fires()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Channel(port: port).SendAsync(Message("wang@example.com"), deadline.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task An_unset_password_variable_fails_naming_the_variable()
    {
        var channel = Channel(extra: new() { ["user"] = "care@shop.example", ["password_env"] = "CE_TEST_SMTP_PASSWORD_NOT_SET" });

        var outcome = await channel.SendAsync(Message("wang@example.com"), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Contains("CE_TEST_SMTP_PASSWORD_NOT_SET", outcome.Reason);
    }

    private EmailChannel Channel(int? port = null, Dictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["host"] = "127.0.0.1",
            ["port"] = (port ?? smtp.Port).ToString(),
            ["security"] = "none",
            ["from_address"] = "care@shop.example",
            ["from_name"] = "小美家",
            ["list_unsubscribe"] = "mailto:unsubscribe@shop.example?subject={customer}, https://shop.example/unsubscribe?c={customer}",
            ["timeout_seconds"] = "10",
        };
        settings = TestConfiguration.Settings(settings, extra);

        return new EmailChannel(new TestConfiguration("email", settings));
    }

    internal static ChannelMessage Message(string address, string text = "王女士，您的会员专享券已到账。", string? key = null)
        => new(key ?? "vip_winback:vip:C001:" + Guid.NewGuid().ToString("N"), "C001", address, text, Subject: "会员专享券已到账", Template: "vip_coupon", Campaign: "vip_winback");
}
