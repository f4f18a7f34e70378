using System.Globalization;

namespace CampaignEngine.Dispatch;

/// <summary>Durations in engine.yaml: <c>500ms</c>, <c>10s</c>, <c>2m</c>, <c>1h</c>, or a bare number of seconds.</summary>
internal static class DurationSetting
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        text = text.Trim();
        (string number, double seconds) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1),
            _ when text.EndsWith('m') => (text[..^1], 60),
            _ when text.EndsWith('h') => (text[..^1], 3600),
            _ => (text, 1),
        };
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value))
        {
            duration = TimeSpan.FromSeconds(value * seconds);
            return true;
        }

        duration = default;
        return false;
    }

    /// <summary>Short display form for messages: <c>2s</c>, <c>0.5s</c>.</summary>
    public static string Format(TimeSpan duration) => $"{duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s";
}
