namespace CampaignEngine.Dsl.Compilation;

/// <summary>The language diagnostics are written in; <see cref="Auto"/> follows the input (Chinese rules get Chinese messages).</summary>
public enum MessageLanguage { Auto, English, Chinese }

public sealed record CompileOptions(MessageLanguage Language = MessageLanguage.Auto)
{
    public static CompileOptions Default { get; } = new();
}
