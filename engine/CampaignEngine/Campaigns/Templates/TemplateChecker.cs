using System.Globalization;
using CampaignEngine.Campaigns.Configuration;
using DotLiquid;

namespace CampaignEngine.Campaigns.Templates;

/// <summary>
/// Checks a campaign's templates once the variables they may use are known: every variable must be a
/// fact, a customer field, a shop setting or a <c>with</c> value of a rule that sends the template; SMS
/// texts get a size and cost estimate, a signature check and (for marketing) an opt-out check.
/// </summary>
internal static class TemplateChecker
{
    /// <summary>The customer fields a template may use besides facts, and their Chinese names.</summary>
    public static IReadOnlyList<string> CustomerFields { get; } =
        ["name", "customer_id", "phone", "email", "wangwang", "level", "region", "birthday", "姓名", "会员等级", "地区"];

    /// <summary>What the run offers about the send itself.</summary>
    public static IReadOnlyList<string> SendFields { get; } = ["campaign", "rule", "today"];

    // Stand-ins when estimating the SMS length: a typical Chinese name, and a value of typical length
    // for anything else (a coupon code, a category, a number of days).
    private const string SampleName = "张三丰";
    private const string SampleValue = "○○○○";

    public static void Check(
        TemplateSource source,
        IReadOnlySet<string> variables,
        IReadOnlySet<string> withValues,
        bool marketing,
        EngineConfig config,
        DiagnosticBag diagnostics)
    {
        foreach (var part in source.Parts)
        {
            foreach (var variable in LiquidVariables.Read(part.Source.Text))
            {
                if (variables.Contains(variable.Name) || withValues.Contains(variable.Name))
                {
                    continue;
                }

                var (line, column) = part.Source.PositionOf(variable.Index);
                var hint = DidYouMean.Hint(variable.Name, variables.Concat(withValues), diagnostics.Chinese);
                diagnostics.Add(CampaignDiagnostics.UnknownTemplateVariable.Create(part.Source.Origin.File, line, column, variable.Name.Length, diagnostics.Chinese, source.Template.Name, variable.Name, hint));
            }

            if (part.Channel == "sms")
            {
                CheckSms(source.Template.Name, part, variables.Concat(withValues), marketing, config, diagnostics);
            }
        }
    }

    /// <summary>Yuan per SMS segment, from the sms channel's <c>price_fen</c> — the same setting the SMS plugin bills by.</summary>
    public static decimal SmsPrice(EngineConfig config)
        => config.Channels.TryGetValue("sms", out var settings) && settings.TryGetValue("price_fen", out var price)
            && long.TryParse(price, NumberStyles.None, CultureInfo.InvariantCulture, out var fen)
            ? fen / 100m : SmsSize.DefaultPricePerSegment;

    private static void CheckSms(string name, TemplatePart part, IEnumerable<string> variables, bool marketing, EngineConfig config, DiagnosticBag diagnostics)
    {
        var file = part.Source.Origin.File;
        var (line, column) = (part.Source.Origin.Line, part.Source.Origin.Column);
        var sample = Sample(part.Parsed, variables, config);
        if (!SmsRules.HasSignature(part.Source.Text) && !SmsRules.HasSignature(sample))
        {
            diagnostics.Add(CampaignDiagnostics.SmsNoSignature.Create(file, line, column, 1, diagnostics.Chinese, name));
        }

        if (marketing && !SmsRules.HasOptOutHint(part.Source.Text))
        {
            diagnostics.Add(CampaignDiagnostics.SmsNoOptOut.Create(file, line, column, 1, diagnostics.Chinese, name));
        }

        var size = SmsSize.Of(sample);
        var cost = size.Cost(SmsPrice(config)).ToString("0.00", CultureInfo.InvariantCulture);
        var descriptor = size.Segments > 1 ? CampaignDiagnostics.SmsMultiSegment : CampaignDiagnostics.SmsSize;
        diagnostics.Add(descriptor.Create(file, line, column, 1, diagnostics.Chinese, name, size.Characters, size.Segments, cost));
    }

    /// <summary>The text as a customer would receive it, with the real shop name and typical stand-ins for the rest.</summary>
    internal static string Sample(Template template, IEnumerable<string> variables, EngineConfig config)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            values[variable] = SampleValue;
        }

        values["name"] = values["姓名"] = SampleName;
        values["shop"] = values["shop_name"] = config.ShopName.Length > 0 ? config.ShopName : "店铺名";
        foreach (var setting in config.Shop)
        {
            values["shop_" + setting.Key] = setting.Value;
        }

        return template.Render(Hash.FromDictionary(values), CultureInfo.InvariantCulture);
    }
}
