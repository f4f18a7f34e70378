using System.Globalization;
using System.Linq.Expressions;
using CampaignEngine.Campaigns;
using CampaignEngine.Campaigns.Configuration;
using CampaignEngine.Campaigns.Templates;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Facts;

namespace CampaignEngine.Evaluation;

/// <summary>
/// Renders a campaign's template for one customer: only the variables the text uses are read (facts of
/// the campaign's schema, derived ones included, by name or Chinese alias; the customer's Wangwang id;
/// the shop's settings; the send's campaign, rule and day; the rule's <c>with</c> values). A missing
/// fact renders as nothing. A template that fails (a Liquid error) returns null with the error — the
/// evaluator turns it into a <c>render_failed</c> suppression, never a crash and never a silent skip.
/// </summary>
internal sealed class MessageRenderer(Campaign<FactTable> campaign, EngineConfig config)
{
    private readonly Dictionary<string, Func<FactTable, int, string?>?> readers = new(StringComparer.Ordinal);
    private readonly Dictionary<ChannelText, IReadOnlyList<string>> variablesOf = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Works out once, for one send's template, channel, rule and <c>with</c> values, where each variable of
    /// the text comes from (a constant, a fact reader, the date); null when the template has no text for the
    /// channel. A long dry-run renders tens of millions of messages from a few such combinations.
    /// </summary>
    public PreparedText? Prepare(string templateName, string channel, string rule, IReadOnlyList<TemplateValue> with)
    {
        if (!campaign.Templates.TryGetValue(templateName, out var template) || !template.Texts.TryGetValue(channel, out var text))
        {
            return null;
        }

        var names = VariablesOf(text);
        return new PreparedText(text, names, [.. names.Select(name => SourceOf(name, rule, with))]);
    }

    public (RenderedText? Text, IReadOnlyDictionary<string, string> Values, string? Error) Render(PreparedText prepared, FactTable facts, int row)
    {
        var found = new string?[prepared.Names.Count];
        for (var i = 0; i < found.Length; i++)
        {
            found[i] = prepared.Sources[i](facts, row);
        }

        var values = new TemplateValues(prepared.Names, found);
        try
        {
            var text = prepared.Text;
            var rendered = text.Render(values);
            var error = text.IsPlain ? null : LiquidError(rendered.Body) ?? LiquidError(rendered.Subject) ?? LiquidError(rendered.Html);
            return error is null ? (rendered, values, null) : (null, values, error);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (null, values, ex.Message);
        }
    }

    // DotLiquid writes errors into the output ("Liquid error: …") instead of throwing.
    private static string? LiquidError(string? text)
    {
        var at = text?.IndexOf("Liquid error", StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            at = text?.IndexOf("Liquid syntax error", StringComparison.Ordinal) ?? -1;
        }

        return at < 0 ? null : text![at..];
    }

    private IReadOnlyList<string> VariablesOf(ChannelText text)
    {
        if (!variablesOf.TryGetValue(text, out var names))
        {
            names = [.. new[] { text.BodySource, text.SubjectSource, text.HtmlSource }
                .Where(s => s is not null)
                .SelectMany(s => LiquidVariables.Read(s!).Select(v => v.Name))
                .Distinct(StringComparer.Ordinal)];
            variablesOf[text] = names;
        }

        return names;
    }

    /// <summary>Where a variable's value comes from, in this order: the rule's <c>with</c>, the send's own (shop, campaign, rule, today, wangwang), the shop's settings, the facts; a name none of them knows renders as nothing.</summary>
    private Func<FactTable, int, string?> SourceOf(string name, string rule, IReadOnlyList<TemplateValue> with)
    {
        foreach (var value in with)
        {
            if (value.Key == name)
            {
                return Constant(Format(value.Type, value.Value));
            }
        }

        switch (name)
        {
            case "shop" or "shop_name":
                return Constant(config.ShopName);
            case "campaign":
                return Constant(campaign.Id);
            case "rule":
                return Constant(rule);
            case "today":
                return (facts, _) => facts.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case "wangwang":
                return (facts, row) => facts.History.CustomerIdOf(row);
        }

        if (name.StartsWith("shop_", StringComparison.Ordinal) && config.Shop.TryGetValue(name["shop_".Length..], out var setting))
        {
            return Constant(setting);
        }

        if (!readers.TryGetValue(name, out var read))
        {
            read = ReaderOf(name);
            readers[name] = read;
        }

        return read ?? Constant(null);
    }

    private static Func<FactTable, int, string?> Constant(string? value) => (_, _) => value;

    private Func<FactTable, int, string?>? ReaderOf(string name)
        => campaign.Schema.Fields.FirstOrDefault(f => f.Name == name || f.Aliases.Contains(name)) is { } field ? Compile(field) : null;

    private static Func<FactTable, int, string?> Compile(FieldDefinition<FactTable> field)
    {
        var read = field.Read;
        var type = field.Type;
        // Numbers and text without boxing each value on its way to Format (tens of millions of messages in a long dry-run).
        if (read.Body.Type == typeof(double))
        {
            var number = Expression.Lambda<Func<FactTable, int, double>>(read.Body, read.Parameters).Compile();
            return (facts, row) => FormatNumber(number(facts, row));
        }

        if (read.Body.Type == typeof(string))
        {
            var text = Expression.Lambda<Func<FactTable, int, string?>>(read.Body, read.Parameters).Compile();
            return text;
        }

        var value = Expression.Lambda<Func<FactTable, int, object?>>(Expression.Convert(read.Body, typeof(object)), read.Parameters).Compile();
        return (facts, row) => Format(type, value(facts, row));
    }

    private static string? FormatNumber(double d) => double.IsNaN(d) ? null : d.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A value as a customer should read it: whole numbers without decimals, money with at most two, dates yyyy-MM-dd; null when missing.</summary>
    internal static string? Format(DslType type, object? value) => value switch
    {
        null => null,
        double d => FormatNumber(d),
        int day when type == DslType.Date => day == FactTable.NoDay ? null : DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}

/// <summary>One send's text for one channel with each variable's source worked out (<see cref="MessageRenderer.Prepare"/>).</summary>
internal sealed record PreparedText(ChannelText Text, IReadOnlyList<string> Names, Func<FactTable, int, string?>[] Sources);
