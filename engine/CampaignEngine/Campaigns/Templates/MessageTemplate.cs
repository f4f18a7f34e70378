using DotLiquid;

namespace CampaignEngine.Campaigns.Templates;

/// <summary>A message a rule can send: one text per channel (<c>sms</c>, <c>email</c>, <c>wangwang</c> …), Liquid, parsed once at load.</summary>
public sealed record MessageTemplate(string Name, IReadOnlyDictionary<string, ChannelText> Texts, int Line, int Column)
{
    public bool Has(string channel) => Texts.ContainsKey(channel);
}

/// <summary>What one channel sends: a body, and for email a subject and an HTML part.</summary>
public sealed record RenderedText(string Body, string? Subject, string? Html);

/// <summary>
/// The Liquid text of one template for one channel. Variables are the customer's facts, customer fields
/// (<c>name</c> …), the shop (<c>shop</c>, <c>shop_hotline</c> …) and the rule's <c>with</c> values.
/// </summary>
public sealed class ChannelText
{
    private readonly Template body;
    private readonly Template? subject;
    private readonly Template? html;
    private readonly PlainSubstitution? plainBody;
    private readonly PlainSubstitution? plainSubject;
    private readonly PlainSubstitution? plainHtml;

    internal ChannelText(string channel, string bodySource, Template body, string? subjectSource, Template? subject, string? htmlSource, Template? html)
    {
        Channel = channel;
        BodySource = bodySource;
        SubjectSource = subjectSource;
        HtmlSource = htmlSource;
        this.body = body;
        this.subject = subject;
        this.html = html;
        plainBody = PlainSubstitution.TryParse(bodySource);
        plainSubject = subjectSource is null ? null : PlainSubstitution.TryParse(subjectSource);
        plainHtml = htmlSource is null ? null : PlainSubstitution.TryParse(htmlSource);
        IsPlain = plainBody is not null && (subjectSource is null || plainSubject is not null) && (htmlSource is null || plainHtml is not null);
    }

    public string Channel { get; }

    public string BodySource { get; }

    public string? SubjectSource { get; }

    public string? HtmlSource { get; }

    /// <summary>Every part is literal text and bare <c>{{ name }}</c> outputs: rendered without DotLiquid, and it cannot fail.</summary>
    internal bool IsPlain { get; }

    /// <summary>Renders with the given variables; a variable without a value renders as nothing (validate has already checked the names).</summary>
    public RenderedText Render(IReadOnlyDictionary<string, object?> variables)
    {
        var hash = Hash.FromDictionary(variables.ToDictionary(kv => kv.Key, kv => kv.Value));
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return new RenderedText(body.Render(hash, culture), subject?.Render(hash, culture), html?.Render(hash, culture));
    }

    /// <summary>The engine's path: values already formatted as text (a missing one is absent). Plain texts are concatenated; the rest go through DotLiquid.</summary>
    internal RenderedText Render(IReadOnlyDictionary<string, string> values)
        => IsPlain
            ? new RenderedText(plainBody!.Render(values), plainSubject?.Render(values), plainHtml?.Render(values))
            : Render(values.ToDictionary(kv => kv.Key, kv => (object?)kv.Value));
}
