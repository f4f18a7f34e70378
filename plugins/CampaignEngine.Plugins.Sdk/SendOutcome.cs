namespace CampaignEngine.Plugins.Sdk;

public enum SendStatus
{
    /// <summary>The provider took the message; <see cref="SendOutcome.ProviderMessageId"/> identifies it.</summary>
    Accepted,
    /// <summary>The provider refused it for good (bad number, content rejected); retrying will not help.</summary>
    Rejected,
    /// <summary>A transient failure (timeout, 5xx, rate limit); retry, after <see cref="SendOutcome.RetryAfter"/> if given.</summary>
    Failed,
}

/// <summary>What became of one send.</summary>
public sealed record SendOutcome(SendStatus Status, string? ProviderMessageId = null, string? Reason = null, TimeSpan? RetryAfter = null)
{
    public static SendOutcome Accepted(string providerMessageId) => new(SendStatus.Accepted, providerMessageId);

    public static SendOutcome Rejected(string reason) => new(SendStatus.Rejected, Reason: reason);

    public static SendOutcome Failed(string reason, TimeSpan? retryAfter = null) => new(SendStatus.Failed, Reason: reason, RetryAfter: retryAfter);
}
