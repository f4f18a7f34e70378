using System.Text.RegularExpressions;
using CampaignEngine.Calendar;
using CampaignEngine.Campaigns.Configuration;
using CampaignEngine.Campaigns.DerivedFacts;
using CampaignEngine.Campaigns.Limits;
using CampaignEngine.Campaigns.Schedules;
using CampaignEngine.Campaigns.Templates;
using CampaignEngine.Campaigns.Yaml;

namespace CampaignEngine.Campaigns.Loading;

/// <summary>
/// Phase one of loading a campaign file: the YAML tree to a <see cref="CampaignSyntax"/>. Every key is
/// checked, every value that does not need the facts schema is parsed; each problem is a diagnostic and
/// reading goes on, so the marketer sees all of them at once.
/// </summary>
internal static partial class CampaignReader
{
    /// <summary>The priority of a campaign or rule that does not set one; lower runs first.</summary>
    public const int DefaultPriority = 100;

    public static CampaignSyntax? Read(SourceDocument document, EngineConfig config, FestivalCalendar calendar, DiagnosticBag diagnostics)
    {
        var file = document.File;
        switch (document.Root)
        {
            case null:
                if (!diagnostics.HasErrors)
                {
                    diagnostics.Add(CampaignDiagnostics.EmptyFile, file, new SourcePosition(1, 1, 0));
                }

                return null;
            case MappingNode:
                break;
            default:
                diagnostics.Add(CampaignDiagnostics.ExpectedMapping, file, document.Root, diagnostics.Chinese ? "活动文件" : "A campaign file");
                return null;
        }

        var keys = new MappingReader((MappingNode)document.Root, CampaignKeys.Campaign, file, diagnostics);
        var idNode = keys.Text("campaign", "cycle-reminder", required: true);
        if (idNode is not null && !CampaignId().IsMatch(idNode.Value))
        {
            diagnostics.Add(CampaignDiagnostics.InvalidCampaignId, file, idNode, idNode.Value);
        }

        var name = keys.Text("name", "购买周期提醒")?.Value;
        var description = keys.Text("description", "\"…\"")?.Value;
        var priority = keys.Integer("priority", 0, 100_000) ?? DefaultPriority;
        var marketing = ReadPurpose(keys);
        var enabled = keys.Bool("enabled") ?? true;
        var (schedule, trigger) = ReadTiming(keys, calendar, diagnostics, file);
        var audience = keys.Text("audience", "frequency >= 2") is { } audienceNode ? DslText.From(document, audienceNode) : null;
        var holdout = ReadHoldout(keys, diagnostics, file);
        var limits = ReadLimits(keys, diagnostics, file);
        var known = config.KnownChannels;
        var channels = new List<(string, ScalarNode)>();
        foreach (var channelNode in keys.List("channels", "[wangwang, sms]") ?? [])
        {
            var channel = ChannelNames.Canonical(channelNode.Value);
            if (known.Contains(channel))
            {
                channels.Add((channel, channelNode));
            }
            else
            {
                diagnostics.Add(CampaignDiagnostics.UnknownChannel, file, channelNode, channelNode.Value, DidYouMean.Hint(channelNode.Value, known, diagnostics.Chinese));
            }
        }

        var templates = keys.Mapping("templates", "{cycle_reminder: {sms: \"…\"}}") is { } templateNode
            ? TemplateReader.Read(document, templateNode, known, diagnostics) : [];
        var facts = keys.Mapping("facts", "{big_spender: monetary >= 1000}") is { } factNode
            ? FactSourceReader.Read(document, factNode, diagnostics) : [];
        var rules = ReadInlineRules(document, keys, diagnostics);
        var rulesFiles = ReadRulesFiles(keys, diagnostics, file);
        if (keys["rules"] is null && keys["rules_file"] is null)
        {
            diagnostics.Add(CampaignDiagnostics.NoRules, file, keys.Node.Start);
        }

        if (idNode is null)
        {
            return null;
        }

        return new CampaignSyntax(file, idNode.Value, idNode, name ?? idNode.Value, description, priority, marketing, enabled,
            schedule, trigger, audience, holdout, limits, channels, templates, facts, rules, rulesFiles);
    }

    private static bool ReadPurpose(MappingReader keys)
    {
        if (keys.Text("purpose", "marketing") is not { } node)
        {
            return true;
        }

        switch (node.Value.ToLowerInvariant())
        {
            case "marketing" or "营销":
                return true;
            case "service" or "服务" or "notice" or "通知":
                return false;
            default:
                keys.WrongType(node, "purpose", keys.Diagnostics.Chinese ? "营销 或 服务" : "marketing or service", "service");
                return true;
        }
    }

    private static (Schedule?, EventTrigger?) ReadTiming(MappingReader keys, FestivalCalendar calendar, DiagnosticBag diagnostics, string file)
    {
        var scheduleNode = keys.Text("schedule", "daily 10:00");
        var triggerNode = keys.Text("on", "signed + 7d");
        if (scheduleNode is not null && triggerNode is not null)
        {
            diagnostics.Add(CampaignDiagnostics.ScheduleAndTrigger, file, triggerNode);
        }
        else if (scheduleNode is null && triggerNode is null && keys["schedule"] is null && keys["on"] is null)
        {
            diagnostics.Add(CampaignDiagnostics.NoScheduleOrTrigger, file, keys.Node.Start);
        }

        Schedule? schedule = null;
        if (scheduleNode is not null)
        {
            schedule = ScheduleParser.Parse(scheduleNode.Value, out var error);
            if (schedule is null)
            {
                diagnostics.Add(CampaignDiagnostics.BadSchedule, file, scheduleNode, scheduleNode.Value, error!);
            }
        }

        EventTrigger? trigger = null;
        if (triggerNode is not null)
        {
            trigger = EventTriggerParser.Parse(triggerNode.Value, out var error);
            if (trigger is null)
            {
                diagnostics.Add(CampaignDiagnostics.BadTrigger, file, triggerNode, triggerNode.Value, error!);
            }
            else if (trigger.Festival is { } festivalName)
            {
                if (calendar.TryFind(festivalName, out var festival, out var suggestions))
                {
                    trigger = trigger with { Festival = festival.Id };
                }
                else
                {
                    var hint = suggestions.Count == 0
                        ? (diagnostics.Chinese ? "节日名见 docs/campaigns.md,店铺自己的节日写在 engine.yaml 的 holidays: 下。" : "See docs/campaigns.md for festival names; shop days go under holidays: in engine.yaml.")
                        : (diagnostics.Chinese ? "您是不是想写 " : "Did you mean ") + string.Join(", ", suggestions.Select(s => $"'{s}'")) + (diagnostics.Chinese ? "？" : "?");
                    diagnostics.Add(CampaignDiagnostics.UnknownFestival, file, triggerNode, festivalName, hint);
                    trigger = null;
                }
            }
        }

        return (schedule, trigger);
    }

    private static double ReadHoldout(MappingReader keys, DiagnosticBag diagnostics, string file)
    {
        if (keys.Text("holdout", "10%") is not { } node)
        {
            return 0;
        }

        if (LimitParser.ParsePercent(node.Value) is not { } percent)
        {
            diagnostics.Add(CampaignDiagnostics.BadHoldout, file, node, node.Value);
            return 0;
        }

        if (percent > 50)
        {
            diagnostics.Add(CampaignDiagnostics.LargeHoldout, file, node, percent);
        }

        return percent;
    }

    private static CampaignLimits ReadLimits(MappingReader keys, DiagnosticBag diagnostics, string file)
    {
        if (keys.Mapping("limits", "{per_customer: 1 per 14d, quiet_hours: \"21:00-09:00\", budget: 500}") is not { } node)
        {
            return CampaignLimits.None;
        }

        var limits = new MappingReader(node, CampaignKeys.Limits, file, diagnostics);
        FrequencyCap? cap = null;
        if (limits.Text("per_customer", "1 per 14d") is { } capNode)
        {
            cap = LimitParser.ParseCap(capNode.Value);
            if (cap is null)
            {
                diagnostics.Add(CampaignDiagnostics.BadCap, file, capNode, capNode.Value);
            }
        }

        QuietHours? quiet = null;
        if (limits.Text("quiet_hours", "\"21:00-09:00\"") is { } quietNode)
        {
            quiet = LimitParser.ParseQuietHours(quietNode.Value);
            if (quiet is null)
            {
                diagnostics.Add(CampaignDiagnostics.BadQuietHours, file, quietNode, quietNode.Value);
            }
        }

        return new CampaignLimits(cap, quiet, ReadBudget(limits, diagnostics, file));
    }

    private static Budget? ReadBudget(MappingReader limits, DiagnosticBag diagnostics, string file)
    {
        switch (limits["budget"])
        {
            case null:
                return null;
            case ScalarNode scalar:
                return Money(scalar) is { } daily ? new Budget(daily, null) : null;
            case MappingNode mapping:
                var keys = new MappingReader(mapping, CampaignKeys.Budget, file, diagnostics);
                var dailyNode = keys.Text("daily", "500");
                var totalNode = keys.Text("total", "5000");
                return new Budget(dailyNode is null ? null : Money(dailyNode), totalNode is null ? null : Money(totalNode));
            case var other:
                limits.WrongType(other, "budget", diagnostics.Chinese ? "金额" : "an amount", "500");
                return null;
        }

        decimal? Money(ScalarNode node)
        {
            var amount = LimitParser.ParseMoney(node.Value);
            if (amount is null)
            {
                diagnostics.Add(CampaignDiagnostics.BadBudget, file, node, node.Value);
            }

            return amount;
        }
    }

    private static List<InlineRule> ReadInlineRules(SourceDocument document, MappingReader keys, DiagnosticBag diagnostics)
    {
        var rules = new List<InlineRule>();
        var chinese = diagnostics.Chinese;
        foreach (var rule in keys.MappingList("rules", CampaignKeys.Rule,
            chinese ? "规则列表" : "a list of rules", "[{rule: cycle_due, when: …, then: send cycle_reminder}]",
            chinese ? "规则(键值映射)" : "a rule (a mapping)", "{rule: cycle_due, when: …, then: send cycle_reminder}"))
        {
            var nameNode = rule.Text("rule", "cycle_due", required: true);
            var priority = rule.Integer("priority", 0, 100_000) ?? DefaultPriority;
            _ = rule.Text("description", "\"…\"");
            var when = rule.Text("when", "days_since_last >= cycle", required: true);
            var then = ReadThen(rule);
            if (nameNode is null || when is null || then is null)
            {
                continue;
            }

            rules.Add(new InlineRule(nameNode.Value, nameNode, priority, DslText.From(document, when), then.Select(t => DslText.From(document, t)).ToList()));
        }

        return rules;
    }

    /// <summary><c>then:</c> is one action or a list of them.</summary>
    private static IReadOnlyList<ScalarNode>? ReadThen(MappingReader rule)
    {
        if (rule.Require("then") is null)
        {
            return null;
        }

        var actions = rule.List("then", "send cycle_reminder via sms");
        return actions is { Count: > 0 } ? actions : null;
    }

    private static List<RulesFile> ReadRulesFiles(MappingReader keys, DiagnosticBag diagnostics, string file)
    {
        var files = new List<RulesFile>();
        var folder = Path.GetDirectoryName(file) ?? "";
        foreach (var pathNode in keys.List("rules_file", "rules/cycle.rules") ?? [])
        {
            var path = Path.Combine(folder, pathNode.Value);
            if (!File.Exists(path))
            {
                diagnostics.Add(CampaignDiagnostics.RulesFileNotFound, file, pathNode, pathNode.Value, folder.Length == 0 ? "." : folder);
                continue;
            }

            try
            {
                files.Add(new RulesFile(path, File.ReadAllText(path)));
            }
            catch (IOException ex)
            {
                diagnostics.Add(CampaignDiagnostics.FileUnreadable, file, pathNode, ex.Message);
            }
            catch (UnauthorizedAccessException ex)
            {
                diagnostics.Add(CampaignDiagnostics.FileUnreadable, file, pathNode, ex.Message);
            }
        }

        return files;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}_\-]+$")]
    private static partial Regex CampaignId();
}
