using System.Globalization;
using System.Text.RegularExpressions;
using CampaignEngine.Calendar;
using CampaignEngine.Campaigns.Limits;
using CampaignEngine.Campaigns.Yaml;

namespace CampaignEngine.Campaigns.Configuration;

/// <summary>Reads <c>engine.yaml</c> into an <see cref="EngineConfig"/>, reporting every problem as a diagnostic and using the default for a bad value.</summary>
internal static partial class EngineConfigLoader
{
    public static EngineConfig Read(SourceDocument document, DiagnosticBag diagnostics)
    {
        var file = document.File;
        var defaults = EngineConfig.Default;
        if (document.Root is null or ScalarNode { IsNull: true })
        {
            return defaults;
        }

        if (document.Root is not MappingNode root)
        {
            diagnostics.Add(CampaignDiagnostics.ExpectedMapping, file, document.Root, "engine.yaml");
            return defaults;
        }

        var keys = new MappingReader(root, CampaignKeys.Engine, file, diagnostics);
        var shop = ReadShop(keys, diagnostics, file);
        var zone = defaults.TimeZone;
        if (keys.Text("time_zone", EngineConfig.DefaultTimeZoneId) is { } zoneNode)
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(zoneNode.Value, out var found))
            {
                zone = found;
            }
            else
            {
                diagnostics.Add(CampaignDiagnostics.BadTimeZone, file, zoneNode, zoneNode.Value);
            }
        }

        var caps = new List<FrequencyCap>();
        foreach (var capNode in keys.List("global_caps", "[max 3 per 30d]") ?? [])
        {
            if (LimitParser.ParseCap(capNode.Value) is { } cap)
            {
                caps.Add(cap);
            }
            else
            {
                diagnostics.Add(CampaignDiagnostics.BadCap, file, capNode, capNode.Value);
            }
        }

        return new EngineConfig(
            shop.GetValueOrDefault("name", ""),
            shop,
            zone,
            keys.Bool("trust_scripts") ?? false,
            caps,
            ReadChannels(keys),
            ReadShopDays(keys, diagnostics, file),
            keys.Integer("outcome_window_days", 1, 365) ?? defaults.OutcomeWindowDays,
            keys.Integer("loyal_price_days", 1, 365) ?? defaults.LoyalPriceDays);
    }

    private static Dictionary<string, string> ReadShop(MappingReader keys, DiagnosticBag diagnostics, string file)
    {
        var shop = new Dictionary<string, string>(StringComparer.Ordinal);
        if (keys.Mapping("shop", "{name: 小店}") is not { } node)
        {
            return shop;
        }

        // Besides `name`, a shop may carry any setting its templates use ({{ shop.hotline }}).
        var reader = new MappingReader(node, CampaignKeys.Shop, file, diagnostics, allowOtherKeys: true);
        if (reader.Text("name", "小店") is { } name)
        {
            shop["name"] = name.Value;
        }

        foreach (var other in reader.Others)
        {
            if (reader.ExpectScalar(other.Value, other.Key.Value, "…") is { } value)
            {
                shop[other.Key.Value] = value.Value;
            }
        }

        return shop;
    }

    /// <summary>Each channel's settings as a flat dictionary (nested keys joined with '.'), handed to its plugin as-is.</summary>
    private static Dictionary<string, IReadOnlyDictionary<string, string>> ReadChannels(MappingReader keys)
    {
        var channels = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (keys.Mapping("channels", "{sms: {plugin: sms, price_fen: 5}}") is not { } node)
        {
            return channels;
        }

        foreach (var entry in node.Entries)
        {
            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            Flatten(entry.Value, "", settings);
            channels[ChannelNames.Canonical(entry.Key.Value)] = settings;
        }

        return channels;
    }

    private static void Flatten(SourceNode node, string prefix, Dictionary<string, string> into)
    {
        switch (node)
        {
            case MappingNode mapping:
                foreach (var entry in mapping.Entries)
                {
                    Flatten(entry.Value, prefix.Length == 0 ? entry.Key.Value : $"{prefix}.{entry.Key.Value}", into);
                }

                break;
            case SequenceNode sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    Flatten(sequence.Items[i], $"{prefix}.{i.ToString(CultureInfo.InvariantCulture)}", into);
                }

                break;
            case ScalarNode { IsNull: false } scalar when prefix.Length > 0:
                into[prefix] = scalar.Value;
                break;
        }
    }

    private static List<ShopDay> ReadShopDays(MappingReader keys, DiagnosticBag diagnostics, string file)
    {
        var days = new List<ShopDay>();
        var chinese = diagnostics.Chinese;
        foreach (var day in keys.MappingList("holidays", CampaignKeys.Holiday,
            chinese ? "列表" : "a list", "[{id: anniversary, name: 店庆, date: \"09-18\"}]",
            chinese ? "键值映射" : "a mapping", "{id: anniversary, name: 店庆, date: \"09-18\"}"))
        {
            var id = day.Text("id", "anniversary", required: true);
            var name = day.Text("name", "店庆");
            var date = day.Text("date", "\"09-18\"", required: true);
            var aliases = day.List("aliases", "[周年庆]") ?? [];
            if (id is null || date is null)
            {
                continue;
            }

            var match = MonthDay().Match(date.Value.Trim());
            if (!match.Success || !IsRealMonthDay(match))
            {
                diagnostics.Add(CampaignDiagnostics.BadHoliday, file, date, id.Value);
                continue;
            }

            days.Add(new ShopDay(id.Value, name?.Value ?? id.Value,
                int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture),
                [.. aliases.Select(a => a.Value)]));
        }

        return days;
    }

    private static bool IsRealMonthDay(Match match)
    {
        var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        // 2024 is a leap year, so 02-29 is accepted as a shop day.
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2024, month);
    }

    [GeneratedRegex(@"^(?:\d{4}-)?(?<month>\d{1,2})-(?<day>\d{1,2})$")]
    private static partial Regex MonthDay();
}
