using MimeKit;

namespace CampaignEngine.Plugins.Email.Composition;

/// <summary>A deliverable address: one mailbox, local part @ a domain with a dot, no spaces.</summary>
internal static class EmailAddress
{
    public static bool IsValid(string address)
    {
        if (!MailboxAddress.TryParse(address.Trim(), out var mailbox) || mailbox.Address != address.Trim())
        {
            return false;
        }

        var at = mailbox.Address.LastIndexOf('@');
        var domain = at > 0 ? mailbox.Address[(at + 1)..] : "";
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.') && !mailbox.Address.Any(char.IsWhiteSpace);
    }
}
