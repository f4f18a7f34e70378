using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Plugins.Shared;

/// <summary>What every built-in channel does before it spends anything: honour a token already cancelled, then run its own Check.</summary>
internal static class CheckedSend
{
    /// <summary>Rejected with the check's problems, or null when the message may go to the provider.</summary>
    public static SendOutcome? RefusedBeforeSending(IChannel channel, ChannelMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var check = channel.Check(message);
        return check.IsOk ? null : SendOutcome.Rejected(string.Join(" ", check.Problems));
    }
}
