using CampaignEngine.Campaigns.Configuration;
using CampaignEngine.Campaigns.Yaml;
using DotLiquid;
using DotLiquid.Exceptions;

namespace CampaignEngine.Campaigns.Templates;

/// <summary>One Liquid text of a template (an SMS body, an email subject …) with where it sits in the YAML.</summary>
internal sealed record TemplatePart(string Template, string Channel, string Part, DslText Source, Template Parsed);

/// <summary>A template as read, with its parts kept for the checks that need the campaign's facts and rules.</summary>
internal sealed record TemplateSource(MessageTemplate Template, IReadOnlyList<TemplatePart> Parts);

/// <summary>Reads <c>templates:</c>: <c>name: { sms: "…", email: {subject, html, text}, wangwang: "…" }</c>.</summary>
internal static class TemplateReader
{
    public static List<TemplateSource> Read(SourceDocument document, MappingNode templates, IReadOnlySet<string> knownChannels, DiagnosticBag diagnostics)
    {
        var file = document.File;
        var result = new List<TemplateSource>();
        foreach (var entry in templates.Entries)
        {
            var name = entry.Key.Value;
            if (entry.Value is not MappingNode channels)
            {
                diagnostics.Add(CampaignDiagnostics.WrongType, file, entry.Value, name,
                    diagnostics.Chinese ? "按渠道写的文本" : "texts by channel", diagnostics.Chinese ? "文本" : "text", "{sms: \"【{{ shop }}】…回T退订\"}");
                continue;
            }

            var parts = new List<TemplatePart>();
            var texts = new Dictionary<string, ChannelText>(StringComparer.Ordinal);
            foreach (var channelEntry in channels.Entries)
            {
                var channel = ChannelNames.Canonical(channelEntry.Key.Value);
                if (!knownChannels.Contains(channel))
                {
                    diagnostics.Add(CampaignDiagnostics.UnknownChannel, file, channelEntry.Key, channelEntry.Key.Value,
                        DidYouMean.Hint(channelEntry.Key.Value, knownChannels, diagnostics.Chinese));
                    continue;
                }

                var text = channelEntry.Value is MappingNode email
                    ? ReadEmail(document, name, channel, email, parts, diagnostics)
                    : ReadPlain(document, name, channel, channelEntry.Value, parts, diagnostics);
                if (text is not null)
                {
                    texts[channel] = text;
                }
            }

            result.Add(new TemplateSource(new MessageTemplate(name, texts, entry.Key.Start.Line, entry.Key.Start.Column), parts));
        }

        return result;
    }

    private static ChannelText? ReadPlain(SourceDocument document, string name, string channel, SourceNode node, List<TemplatePart> parts, DiagnosticBag diagnostics)
    {
        if (node is not ScalarNode scalar)
        {
            diagnostics.Add(CampaignDiagnostics.WrongType, document.File, node, $"{name}.{channel}",
                diagnostics.Chinese ? "文本" : "text", diagnostics.Chinese ? "列表" : "a list", "\"【{{ shop }}】{{ name }}您好…\"");
            return null;
        }

        var body = Parse(document, name, channel, "body", scalar, parts, diagnostics);
        return body is null ? null : new ChannelText(channel, scalar.Value, body, null, null, null, null);
    }

    private static ChannelText? ReadEmail(SourceDocument document, string name, string channel, MappingNode node, List<TemplatePart> parts, DiagnosticBag diagnostics)
    {
        var keys = new MappingReader(node, CampaignKeys.Email, document.File, diagnostics);
        var subject = keys.Text("subject", "\"{{ shop }} 会员专享\"");
        var html = keys.Text("html", "\"<p>{{ name }}您好</p>\"");
        var text = keys.Text("text", "\"{{ name }}您好\"");
        if (subject is null || (html is null && text is null))
        {
            diagnostics.Add(CampaignDiagnostics.EmailIncomplete, document.File, node, name);
            return null;
        }

        var subjectTemplate = Parse(document, name, channel, "subject", subject, parts, diagnostics);
        var htmlTemplate = html is null ? null : Parse(document, name, channel, "html", html, parts, diagnostics);
        var textTemplate = text is null ? null : Parse(document, name, channel, "text", text, parts, diagnostics);
        var body = textTemplate ?? htmlTemplate;
        if (subjectTemplate is null || body is null || (html is not null && htmlTemplate is null))
        {
            return null;
        }

        return new ChannelText(channel, (text ?? html)!.Value, body, subject.Value, subjectTemplate, html?.Value, htmlTemplate);
    }

    private static Template? Parse(SourceDocument document, string name, string channel, string part, ScalarNode scalar, List<TemplatePart> parts, DiagnosticBag diagnostics)
    {
        try
        {
            var template = Template.Parse(scalar.Value);
            template.MakeThreadSafe();
            parts.Add(new TemplatePart(name, channel, part, DslText.From(document, scalar), template));
            return template;
        }
        catch (LiquidException ex)
        {
            var source = DslText.From(document, scalar);
            var (line, column) = source.PositionOf(ErrorIndex(source.Text, ex.Message));
            diagnostics.Add(CampaignDiagnostics.LiquidSyntax.Create(document.File, line, column, 1, diagnostics.Chinese, name, channel, ex.Message));
            return null;
        }
    }

    /// <summary>
    /// DotLiquid's messages carry no position but quote the offending markup ("Variable '{{ name' was not
    /// properly terminated", "Unknown tag 'foo'"); finding that quote in the text gives the place.
    /// </summary>
    private static int ErrorIndex(string text, string message)
    {
        var open = message.IndexOf('\'');
        var close = open < 0 ? -1 : message.IndexOf('\'', open + 1);
        if (close <= open + 1)
        {
            return 0;
        }

        var quoted = message[(open + 1)..close];
        // A tag name is quoted bare ('hello'); find its tag first so the position is the tag's start.
        var index = new[] { "{% " + quoted, "{%" + quoted, quoted }
            .Select(candidate => text.IndexOf(candidate, StringComparison.Ordinal))
            .FirstOrDefault(i => i >= 0, 0);
        return Math.Max(0, index);
    }
}
