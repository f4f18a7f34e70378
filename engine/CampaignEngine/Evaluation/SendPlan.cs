using CampaignEngine.Campaigns;
using CampaignEngine.Campaigns.Configuration;
using CampaignEngine.Campaigns.Templates;
using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Facts;
using CampaignEngine.Guards;
using CampaignEngine.Orders;
using CampaignEngine.State;

namespace CampaignEngine.Evaluation;

/// <summary>
/// What every decision of one <c>send</c> shares, worked out the first time it fires: its channels in
/// order (the action's own, else the campaign's), each one's opt-out flag, whether the template has a
/// text for it and which kind of address it needs. A long dry-run decides a hundred million sends; each
/// then chooses its channel from two bytes of the customer (<see cref="OptOut"/>, <see cref="Addresses"/>)
/// instead of looking strings up.
/// </summary>
internal sealed class SendPlan
{
    private readonly OptOut[] flags;
    private readonly bool[] hasText;
    private readonly Addresses[] needs;
    private readonly short[] sourceIds;
    private readonly PreparedText?[] prepared;
    private readonly MessageRenderer renderer;
    private readonly string rule;
    private readonly SendAction send;
    private readonly Func<Suppression> everyChannel;
    private Suppression? everyChannelReason;

    public SendPlan(Campaign<FactTable> campaign, string rule, SendAction send, MessageRenderer renderer)
    {
        (this.rule, this.send, this.renderer) = (rule, send, renderer);
        Channels = send.Channels.Count > 0 ? [.. send.Channels.Select(ChannelNames.Canonical)] : campaign.Channels;
        campaign.Templates.TryGetValue(send.Template, out var template);
        flags = [.. Channels.Select(OptOutGuard.FlagOf)];
        hasText = [.. Channels.Select(channel => template?.Has(channel) == true)];
        needs = [.. Channels.Select(Reachability.Needs)];
        sourceIds = new short[Channels.Count];
        Array.Fill(sourceIds, (short)-1);
        prepared = new PreparedText?[Channels.Count];
        everyChannel = () => everyChannelReason ??= OptOutGuard.EveryChannel(Channels);
    }

    public IReadOnlyList<string> Channels { get; }

    /// <summary>The opt-out guard for this send's channels (null: at least one is not opted out).</summary>
    public Suppression? OptedOut(OptOut customer)
        => OptOutGuard.Check(customer, flags, everyChannel);

    /// <summary>The first channel of the list the template has a text for, the customer did not opt out of and has an address for; −1 when none.</summary>
    public int Choose(OptOut customer, Addresses addresses)
    {
        for (var i = 0; i < flags.Length; i++)
        {
            if (hasText[i] && !OptOutGuard.IsOptedOut(customer, flags[i]) && (addresses & needs[i]) != 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Renders the message for the customer on channel <paramref name="channel"/> (an index of <see cref="Channels"/> the template has a text for).</summary>
    public (RenderedText? Text, IReadOnlyDictionary<string, string> Values, string? Error) Render(int channel, FactTable facts, int row)
        => renderer.Render(prepared[channel] ??= renderer.Prepare(send.Template, Channels[channel], rule, send.With)!, facts, row);

    /// <summary>The dry-run store's id of (rule, channel), asked once per channel of the list.</summary>
    public short SourceId(int channel, SimulatedContactHistory store)
    {
        if (sourceIds[channel] < 0)
        {
            sourceIds[channel] = store.SourceId(rule, Channels[channel]);
        }

        return sourceIds[channel];
    }
}
