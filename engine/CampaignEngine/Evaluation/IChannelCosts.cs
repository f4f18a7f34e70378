using System.Globalization;
using CampaignEngine.Campaigns.Configuration;
using CampaignEngine.Campaigns.Templates;

namespace CampaignEngine.Evaluation;

/// <summary>
/// What a message costs on a channel, in fen, estimated before it is sent (budgets are checked with it,
/// the dry-run adds it up). The live run may pass its channel plugins' own estimates; without one the
/// evaluator uses <see cref="ConfiguredChannelCosts"/>.
/// </summary>
public interface IChannelCosts
{
    long EstimateFen(string channel, RenderedText text);
}

/// <summary>
/// The default estimate from engine.yaml: an SMS costs its billed segments (70 / 67 characters) times the
/// channel's <c>price_fen</c> (the setting the SMS plugin bills by; default 5 fen); any other channel with a
/// <c>price_fen</c> costs that per message; everything else (Wangwang, e-mail, group bots) is free.
/// </summary>
internal sealed class ConfiguredChannelCosts(EngineConfig config) : IChannelCosts
{
    public long EstimateFen(string channel, RenderedText text)
    {
        if (channel == "sms")
        {
            return ToFen(SmsSize.Of(text.Body).Segments * TemplateChecker.SmsPrice(config));
        }

        return config.Channels.GetValueOrDefault(channel)?.GetValueOrDefault("price_fen") is { } fen
            && long.TryParse(fen, NumberStyles.None, CultureInfo.InvariantCulture, out var each) ? each : 0;
    }

    private static long ToFen(decimal yuan) => (long)decimal.Round(yuan * 100m, MidpointRounding.AwayFromZero);
}
