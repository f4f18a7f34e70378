using CampaignEngine.Plugins.Email.Composition;
using CampaignEngine.Plugins.Email.Delivery;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Shared;
using MailKit.Security;
using MimeKit;

namespace CampaignEngine.Plugins.Email;

/// <summary>The email channel's block in engine.yaml, read and checked once at load.</summary>
internal sealed class EmailSettings
{
    public EmailSettings(IChannelConfiguration configuration)
    {
        var settings = new ChannelSettings(configuration);
        Host = settings.Required("host", "the SMTP server, e.g. host: smtp.exmail.qq.com");
        var security = settings.Choice("security", "starttls", "none", "starttls", "ssl");
        (Security, var port) = security switch
        {
            "none" => (SecureSocketOptions.None, 25),
            "ssl" => (SecureSocketOptions.SslOnConnect, 465),
            _ => (SecureSocketOptions.StartTls, 587),
        };
        Port = settings.Number("port", port, 1, 65535);
        TrustedCertificate = TrustedCertificate.Read(settings);
        User = settings.Optional("user");
        Password = User is null ? null : settings.Secret("password_env", "the SMTP password of user " + User);
        var from = settings.Required("from_address", "the sender's address, e.g. from_address: care@shop.example");
        if (!MailboxAddress.TryParse(from, out var sender) || !EmailAddress.IsValid(sender.Address))
        {
            throw settings.Problem($"setting 'from_address' is '{from}', not an email address");
        }

        From = new MailboxAddress(settings.Optional("from_name") ?? "", sender.Address);
        Unsubscribe = settings.Optional("list_unsubscribe")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        foreach (var target in Unsubscribe)
        {
            if (!target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && !target.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                && !target.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                throw settings.Problem($"setting 'list_unsubscribe' has '{target}', expected mailto:… or https://… (several separated by ',')");
            }
        }

        OneClick = settings.Flag("one_click", true);
        MessageIdDomain = settings.Optional("message_id_domain") ?? sender.Domain;
        PricePerMessageFen = settings.Fen("price_fen", fallback: 0);
        Timeout = TimeSpan.FromSeconds(settings.Number("timeout_seconds", 30, 1, 600));
    }

    public string Host { get; }

    public int Port { get; }

    public SecureSocketOptions Security { get; }

    /// <summary>A certificate trusted for the mail server besides the system's roots, or null.</summary>
    public TrustedCertificate? TrustedCertificate { get; }

    public string? User { get; }

    public SecretSetting? Password { get; }

    public MailboxAddress From { get; }

    /// <summary>Unsubscribe targets; <c>{customer}</c>, <c>{address}</c> and <c>{campaign}</c> in them are filled per message.</summary>
    public IReadOnlyList<string> Unsubscribe { get; }

    /// <summary>Adds RFC 8058 one-click unsubscribe (List-Unsubscribe-Post) when an https target is given.</summary>
    public bool OneClick { get; }

    public string MessageIdDomain { get; }

    public long PricePerMessageFen { get; }

    public TimeSpan Timeout { get; }
}
