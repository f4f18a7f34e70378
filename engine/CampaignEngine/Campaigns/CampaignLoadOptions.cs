using CampaignEngine.Calendar;
using CampaignEngine.Campaigns.Configuration;
using CampaignEngine.Dsl.Compilation;

namespace CampaignEngine.Campaigns;

/// <summary>
/// How to load: the engine configuration (null: read <c>engine.yaml</c> from the campaigns folder), the
/// language of messages (Auto: Chinese for files written with Chinese keys), and the festival calendar
/// (null: the built-in one, with the shop days of the configuration).
/// </summary>
public sealed record CampaignLoadOptions(
    EngineConfig? Config = null,
    MessageLanguage Language = MessageLanguage.Auto,
    FestivalCalendar? Calendar = null)
{
    public static CampaignLoadOptions Default { get; } = new();
}
