using CampaignEngine.Channels.Tests.Support;
using CampaignEngine.Plugins.Email;
using CampaignEngine.Plugins.Sdk;
using static CampaignEngine.Channels.Tests.Email.EmailSendTests;

namespace CampaignEngine.Channels.Tests.Email;

/// <summary>Helpers for sending through a TLS SMTP server that wants a login.</summary>
internal static class TlsChannel
{
    public static EmailChannel For(SmtpServer smtp, string security, string? passwordVariable, bool trustServer = true, int timeoutSeconds = 10)
    {
        var settings = new Dictionary<string, string>
        {
            ["host"] = "127.0.0.1",
            ["port"] = smtp.Port.ToString(),
            ["security"] = security,
            ["from_address"] = "care@shop.example",
            ["list_unsubscribe"] = "https://shop.example/u?c={customer}",
            ["timeout_seconds"] = timeoutSeconds.ToString(),
        };
        if (passwordVariable is not null)
        {
            settings["user"] = SmtpServer.User;
            settings["password_env"] = passwordVariable;
        }

        if (trustServer)
        {
            settings["trusted_certificate"] = smtp.Certificate!.CertificatePath;
        }

        return new EmailChannel(new TestConfiguration("email", settings));
    }
}

public sealed class EmailStartTlsTests(StartTlsSmtpServer smtp) : IClassFixture<StartTlsSmtpServer>
{
    [Fact]
    public async Task STARTTLS_and_a_login_deliver_the_message()
    {
        using var password = new SecretVariable(SmtpServer.Password);

        var outcome = await TlsChannel.For(smtp, "starttls", password.Name).SendAsync(Message("wang@example.com"), CancellationToken.None);

        Assert.Equal(SendStatus.Accepted, outcome.Status);
        Assert.Equal("会员专享券已到账", smtp.Delivered(outcome.ProviderMessageId!).Subject);
    }

    [Fact]
    public async Task A_wrong_password_fails_the_message_without_showing_it()
    {
        using var password = new SecretVariable("not-the-password-7");

        var outcome = await TlsChannel.For(smtp, "starttls", password.Name).SendAsync(Message("wang@example.com"), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.True(outcome.Reason!.Contains("refused the login of care@shop.example"), outcome.Reason);
        Assert.DoesNotContain("not-the-password-7", outcome.Reason);
    }

    [Fact]
    public async Task A_server_certificate_nobody_trusts_fails_the_message()
    {
        using var password = new SecretVariable(SmtpServer.Password);

        var outcome = await TlsChannel.For(smtp, "starttls", password.Name, trustServer: false).SendAsync(Message("wang@example.com"), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Contains("TLS handshake failed", outcome.Reason);
    }
}

public sealed class EmailSmtpsTests(SmtpsServer smtp) : IClassFixture<SmtpsServer>
{
    [Fact]
    public async Task Implicit_TLS_delivers_the_message()
    {
        var outcome = await TlsChannel.For(smtp, "ssl", passwordVariable: null).SendAsync(Message("li@example.com"), CancellationToken.None);

        Assert.Equal(SendStatus.Accepted, outcome.Status);
        Assert.Equal("li@example.com", smtp.Delivered(outcome.ProviderMessageId!).To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task A_login_the_server_does_not_offer_fails_the_message_with_the_reason()
    {
        // aiosmtpd offers AUTH only after STARTTLS, not on an SMTPS connection.
        using var password = new SecretVariable(SmtpServer.Password);

        var outcome = await TlsChannel.For(smtp, "ssl", password.Name).SendAsync(Message("li@example.com"), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Contains("offers no login (AUTH)", outcome.Reason);
    }

    [Fact]
    public async Task Plain_SMTP_against_a_TLS_port_fails_the_message()
    {
        using var password = new SecretVariable(SmtpServer.Password);

        // The server waits for a TLS hello and the channel for a greeting: the channel's timeout ends it.
        var outcome = await TlsChannel.For(smtp, "none", password.Name, timeoutSeconds: 1).SendAsync(Message("li@example.com"), CancellationToken.None);

        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.Contains("no answer in time", outcome.Reason);
    }
}
