using CampaignEngine.Plugins.Sdk;
using MimeKit;

namespace CampaignEngine.Plugins.Email.Composition;

/// <summary>Builds the MIME message: text and HTML alternatives, Message-ID from the idempotency key, unsubscribe headers.</summary>
internal static class EmailComposer
{
    public static MimeMessage Compose(ChannelMessage message, EmailSettings settings)
    {
        var mime = new MimeMessage { Subject = message.Subject!.Trim(), MessageId = MessageIdentity.For(message.IdempotencyKey, settings.MessageIdDomain) };
        mime.From.Add(settings.From);
        mime.To.Add(MailboxAddress.Parse(message.Address.Trim()));

        var targets = settings.Unsubscribe.Select(t => Fill(t, message)).ToList();
        if (targets.Count > 0)
        {
            // RFC 2369: each target in angle brackets; RFC 8058: one-click only with an https target.
            mime.Headers.Add("List-Unsubscribe", string.Join(", ", targets.Select(t => $"<{t}>")));
            if (settings.OneClick && targets.Any(t => t.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        }

        var hasText = !string.IsNullOrWhiteSpace(message.Text);
        var body = new BodyBuilder
        {
            TextBody = hasText ? message.Text : null,
            HtmlBody = message.Html ?? (hasText ? HtmlFromText.Convert(message.Text) : null),
        };
        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static string Fill(string target, ChannelMessage message)
        => target
            .Replace("{customer}", Uri.EscapeDataString(message.CustomerId), StringComparison.Ordinal)
            .Replace("{address}", Uri.EscapeDataString(message.Address.Trim()), StringComparison.Ordinal)
            .Replace("{campaign}", Uri.EscapeDataString(message.Campaign ?? ""), StringComparison.Ordinal);
}
