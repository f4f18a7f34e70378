namespace CampaignEngine.Dispatch;

/// <summary>
/// Masks a channel's secret values in every text the engine shows or logs about it — plugin messages,
/// exception texts, outcome reasons — because a plugin author may well put a token in an error message.
/// </summary>
internal sealed class SecretRedactor
{
    public const string Mask = "***";

    private readonly Lock gate = new();
    private string[] secrets = [];

    public void Add(string? secret)
    {
        // Very short values would mask ordinary words and say nothing secret anyway.
        if (string.IsNullOrEmpty(secret) || secret.Length < 4)
        {
            return;
        }

        lock (gate)
        {
            if (!secrets.Contains(secret, StringComparer.Ordinal))
            {
                // Longest first, so a secret that contains another is masked whole.
                secrets = [.. secrets.Append(secret).OrderByDescending(s => s.Length)];
            }
        }
    }

    public string Redact(string text)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
