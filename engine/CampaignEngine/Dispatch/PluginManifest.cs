using System.Text.Json;

namespace CampaignEngine.Dispatch;

/// <summary>
/// The optional <c>plugin.json</c> in a plugin folder: <c>{"assembly": "Acme.Sms.dll", "name": "acme_sms"}</c>.
/// Without it the plugin's name is the folder's name and its assembly is <c>FOLDER.dll</c> or, failing
/// that, the one assembly in the folder that references the SDK.
/// </summary>
internal sealed record PluginManifest(string? Assembly, string? Name)
{
    public const string FileName = "plugin.json";

    public static PluginManifest None { get; } = new(null, null);

    /// <summary>Reads the manifest of <paramref name="folder"/>; a broken manifest is a problem, never an exception.</summary>
    public static (PluginManifest Manifest, string? Problem) Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return (None, null);
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (None, $"{path}: expected an object like {{\"assembly\": \"MyPlugin.dll\"}}");
            }

            string? Text(string property)
            {
                if (!document.RootElement.TryGetProperty(property, out var value))
                {
                    return null;
                }

                return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FormatException($"\"{property}\" must be a string");
            }

            return (new PluginManifest(Text("assembly"), Text("name")), null);
        }
        catch (JsonException ex)
        {
            return (None, $"{path}:{ex.LineNumber + 1}:{ex.BytePositionInLine + 1}: not valid JSON ({FirstSentence(ex.Message)})");
        }
        catch (FormatException ex)
        {
            return (None, $"{path}: {ex.Message}");
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
