using CampaignEngine.Campaigns.Templates;
using DotLiquid;

namespace CampaignEngine.Campaigns.Tests.Templates;

/// <summary>
/// The two ways a <see cref="ChannelText"/> renders: the engine's (values as text, plain texts concatenated)
/// and DotLiquid's (the public overload), so a test can hold one against the other.
/// </summary>
internal static class RenderPaths
{
    /// <summary>An SMS-like text parsed the way the template reader parses it; null when DotLiquid rejects it (the loader would too).</summary>
    public static ChannelText? Sms(string source)
    {
        Template parsed;
        try
        {
            parsed = Template.Parse(source);
        }
        catch (DotLiquid.Exceptions.LiquidException)
        {
            return null;
        }

        parsed.MakeThreadSafe();
        return new ChannelText("sms", source, parsed, null, null, null, null);
    }

    /// <summary>An email text: subject, html and text part, each parsed.</summary>
    public static ChannelText Email(string subject, string html, string text)
    {
        var textTemplate = Template.Parse(text);
        return new ChannelText("email", text, textTemplate, subject, Template.Parse(subject), html, Template.Parse(html));
    }

    public static RenderedText Engine(ChannelText text, IReadOnlyDictionary<string, string> values) => text.Render(values);

    public static RenderedText DotLiquid(ChannelText text, IReadOnlyDictionary<string, string> values)
        => text.Render(values.ToDictionary(kv => kv.Key, kv => (object?)kv.Value));

    /// <summary>Both paths' output side by side, with the source, for a readable failure.</summary>
    public static void AssertSame(ChannelText text, IReadOnlyDictionary<string, string> values)
    {
        var expected = DotLiquid(text, values);
        var actual = Engine(text, values);
        Assert.True(expected == actual,
            $"plain={text.IsPlain} source «{text.BodySource}» subject «{text.SubjectSource}» html «{text.HtmlSource}»\n"
            + $"values {string.Join(", ", values.Select(kv => $"{kv.Key}=«{kv.Value}»"))}\n"
            + $"DotLiquid «{expected}»\nengine    «{actual}»");
    }
}
