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
/// channel's <c>price_per_segment</c> (default ¥0.05); any channel with a <c>price_per_message</c> costs
/// that; everything else (Wangwang, e-mail, group bots) is free.
/// </summary>
internal sealed class ConfiguredChannelCosts(EngineConfig config) : IChannelCosts
{
    public long EstimateFen(string channel, RenderedText text)
    {
        var settings = config.Channels.GetValueOrDefault(channel);
        if (channel == "sms")
        {
            var price = Money(settings, "price_per_segment") ?? SmsSize.DefaultPricePerSegment;
            return ToFen(SmsSize.Of(text.Body).Segments * price);
        }

        return Money(settings, "price_per_message") is { } each ? ToFen(each) : 0;
    }

    private static decimal? Money(IReadOnlyDictionary<string, string>? settings, string key)
        => settings?.GetValueOrDefault(key) is { } text && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;

    private static long ToFen(decimal yuan) => (long)decimal.Round(yuan * 100m, MidpointRounding.AwayFromZero);
}
