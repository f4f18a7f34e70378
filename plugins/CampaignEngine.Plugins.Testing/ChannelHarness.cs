using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Plugins.Testing;

/// <summary>
/// What a plugin author provides so the contract can exercise their channel: how to create it, a
/// message it should accept, and control over their fake provider (a local test server, a temp
/// folder …). One harness serves one contract check; it is disposed afterwards.
/// </summary>
public abstract class ChannelHarness : IDisposable
{
    private TestChannelConfiguration? configuration;

    /// <summary>The channel name the engine would configure it under.</summary>
    public virtual string ChannelName => "test";

    /// <summary>Plain settings, as engine.yaml would give them.</summary>
    public virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>
    /// Secret settings without the <c>_env</c> suffix → value. The contract checks that none of these
    /// values ever appears in an outcome, a check problem or an exception.
    /// </summary>
    public virtual IReadOnlyDictionary<string, string> Secrets { get; } = new Dictionary<string, string>();

    /// <summary>The configuration the channel under test receives.</summary>
    public TestChannelConfiguration Configuration => configuration ??= new TestChannelConfiguration(ChannelName, Settings, Secrets);

    /// <summary>How long "promptly" is when a token is cancelled (default 2 s).</summary>
    public virtual TimeSpan Promptly => TimeSpan.FromSeconds(2);

    /// <summary>Creates the channel under test, as the engine would.</summary>
    public abstract IChannel CreateChannel(IChannelConfiguration configuration);

    /// <summary>A message the channel should accept and deliver, with the given idempotency key.</summary>
    public abstract ChannelMessage GoodMessage(string idempotencyKey);

    /// <summary>An empty message the channel's check must refuse (by default: the good one without any text).</summary>
    public virtual ChannelMessage EmptyMessage(string idempotencyKey) => GoodMessage(idempotencyKey) with { Text = "", Html = null, Subject = null };

    /// <summary>Makes the fake provider behave as asked from now on.</summary>
    public abstract void SetProvider(ProviderBehaviour behaviour);

    /// <summary>The idempotency keys the fake provider received, in order (as the provider saw them: header, out-id …).</summary>
    public abstract IReadOnlyList<string> IdempotencyKeysReceived();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
