using System.Net.Sockets;
using CampaignEngine.Plugins.Sdk;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CampaignEngine.Plugins.Email.Delivery;

/// <summary>
/// Hands one message to the SMTP server. A connection per message keeps concurrent sends independent
/// (MailKit's SmtpClient is not thread-safe). The server's replies decide: 5xx refuses the message for good
/// (Rejected) — except a refused sender, which is the channel's from_address and so the operator's to fix —
/// while 4xx, a refused login and any connection trouble are transient (Failed).
/// </summary>
internal static class SmtpDelivery
{
    public static async Task<SendOutcome> SendAsync(MimeMessage mime, EmailSettings settings, string? password, CancellationToken cancellationToken)
    {
        var server = $"{settings.Host}:{settings.Port}";
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        if (settings.TrustedCertificate is { } trusted)
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) => trusted.Accepts(certificate, errors);
        }

        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken).ConfigureAwait(false);
            if (settings.User is not null && !client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
            {
                return SendOutcome.Failed($"the mail server {server} offers no login (AUTH) on this connection; check security (many servers offer AUTH only after STARTTLS) or remove user");
            }

            if (settings.User is not null)
            {
                await client.AuthenticateAsync(settings.User, password ?? "", cancellationToken).ConfigureAwait(false);
            }

            await client.SendAsync(mime, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
            return SendOutcome.Accepted(mime.MessageId ?? "");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            var said = $"{code} {e.Message.Trim()}";
            return code >= 500 && e.ErrorCode != SmtpErrorCode.SenderNotAccepted
                ? SendOutcome.Rejected($"the mail server {server} refused the message{Whom(e)}: {said}")
                : SendOutcome.Failed(e.ErrorCode == SmtpErrorCode.SenderNotAccepted
                    ? $"the mail server {server} refused the sender {settings.From.Address}: {said}; check from_address and the server's relay rules"
                    : $"the mail server {server} deferred the message{Whom(e)}: {said}; retry later");
        }
        catch (AuthenticationException e)
        {
            return SendOutcome.Failed($"the mail server {server} refused the login of {settings.User}: {e.Message.Trim()}; check user and password_env");
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException or SslHandshakeException or ServiceNotConnectedException or TimeoutException or OperationCanceledException)
        {
            return SendOutcome.Failed($"could not deliver to the mail server {server} ({Cause(e)}); retry later");
        }
    }

    private static string Whom(SmtpCommandException e) => e.Mailbox is { } mailbox ? $" for {mailbox.Address}" : "";

    private static string Cause(Exception e)
        => e switch
        {
            SocketException socket => socket.SocketErrorCode.ToString(),
            IOException { InnerException: SocketException socket } => socket.SocketErrorCode.ToString(),
            OperationCanceledException or TimeoutException => "no answer in time",
            SslHandshakeException => "the TLS handshake failed: the server's certificate is not trusted or the server does not speak TLS on this port; check security, port and trusted_certificate",
            _ => e.Message.Split('\n', 2)[0].Trim(),
        };
}
