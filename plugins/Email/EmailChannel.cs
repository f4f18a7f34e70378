using CampaignEngine.Plugins.Email.Composition;
using CampaignEngine.Plugins.Email.Delivery;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Shared;

namespace CampaignEngine.Plugins.Email;

/// <summary>
/// Email over real SMTP (MailKit): text and HTML parts, a Message-ID derived from the idempotency key,
/// and List-Unsubscribe / List-Unsubscribe-Post headers so mail clients offer one-click unsubscribe.
/// </summary>
public sealed class EmailChannel : IChannel
{
    private readonly EmailSettings _settings;

    public EmailChannel(IChannelConfiguration configuration) => _settings = new EmailSettings(configuration);

    /// <summary>A constant, read by the engine before the channel is configured (engine.yaml's <c>plugin:</c>).</summary>
    public string Name => "email";

    public ContactKind Reaches => ContactKind.Email;

    public MessageCheck Check(ChannelMessage message)
    {
        var problems = new List<string>();
        if (!EmailAddress.IsValid(message.Address))
        {
            problems.Add($"'{message.Address}' is not an email address (name@domain.example); correct the customer's email or leave them out of the email channel.");
        }

        if (string.IsNullOrWhiteSpace(message.Subject))
        {
            problems.Add($"The email has no subject; give {TemplateWords.Of(message)} a subject.");
        }
        else if (message.Subject.Contains('\n') || message.Subject.Contains('\r'))
        {
            problems.Add("The email subject spans several lines; keep it on one line.");
        }

        if (string.IsNullOrWhiteSpace(message.Text) && string.IsNullOrWhiteSpace(message.Html))
        {
            problems.Add($"The email is empty; make {TemplateWords.Of(message)} produce text or HTML.");
        }

        if (message.IsMarketing && _settings.Unsubscribe.Count == 0)
        {
            problems.Add("A marketing email must carry an unsubscribe link (Gmail and Yahoo require one-click unsubscribe from bulk senders); set list_unsubscribe for this channel in engine.yaml.");
        }

        return new MessageCheck(problems);
    }

    public CostEstimate EstimateCost(ChannelMessage message) => new(_settings.PricePerMessageFen, 1);

    public async Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        if (CheckedSend.RefusedBeforeSending(this, message, cancellationToken) is { } refused)
        {
            return refused;
        }

        string? password = null;
        if (_settings.Password is { } secret && (password = secret.Value) is null)
        {
            return SendOutcome.Failed(secret.NotSetReason);
        }

        var outcome = await SmtpDelivery.SendAsync(EmailComposer.Compose(message, _settings), _settings, password, cancellationToken).ConfigureAwait(false);
        return outcome.Reason is null || _settings.Password is null ? outcome : outcome with { Reason = _settings.Password.Redact(outcome.Reason) };
    }
}
