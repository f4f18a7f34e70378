using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignEngine.Reports;

/// <summary>report.json: snake_case names, Chinese left readable, indented, "\n" line ends on every OS.</summary>
internal static class ReportJson
{
    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    internal static string Serialize(DryRunReport report) => JsonSerializer.Serialize(report, Options);

    internal static DryRunReport Deserialize(string json) => JsonSerializer.Deserialize<DryRunReport>(json, Options)
        ?? throw new InvalidDataException("report.json is empty");
}
