namespace CampaignEngine.Plugins.Testing;

/// <summary>How the channel's fake provider (the author's test server) should answer from now on.</summary>
public enum ProviderBehaviour
{
    /// <summary>Takes every message and answers at once.</summary>
    Working,
    /// <summary>Never answers (or only after far longer than any deadline): tests timeouts and cancellation.</summary>
    Hanging,
    /// <summary>Answers with a transient error (a 5xx, a refused connection …).</summary>
    Failing,
}
