namespace CampaignEngine.Dsl.Diagnostics;

/// <summary>A message argument that reads differently in English and Chinese (a type name, "a number" …).</summary>
internal sealed record Localized(string English, string Chinese)
{
    public string In(bool chinese) => chinese ? Chinese : English;

    public override string ToString() => English;
}
