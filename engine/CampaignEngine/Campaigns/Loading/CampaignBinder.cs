using CampaignEngine.Campaigns.Configuration;
using CampaignEngine.Campaigns.DerivedFacts;
using CampaignEngine.Campaigns.Templates;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Compilation;

namespace CampaignEngine.Campaigns.Loading;

/// <summary>
/// Phase two of loading: compiles a campaign's DSL against the facts schema (derived facts first, so
/// rules can use them), then checks what only the compiled rules can tell — that every template sent
/// exists and has a text for a channel the rule may use, that every channel is known, and that every
/// template variable is something the engine can fill in.
/// </summary>
internal static class CampaignBinder
{
    public static Campaign<TContext>? Bind<TContext>(CampaignSyntax syntax, FactSchema<TContext> schema, EngineConfig config, CompileOptions options, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.Items.Count(d => d.IsError);
        schema = DerivedFactCompiler.Compile(syntax.Facts, schema, config.TrustScripts, options, diagnostics);

        CompiledCondition<TContext>? audience = null;
        if (syntax.Audience is { } audienceText)
        {
            var result = CampaignCompiler.CompileCondition(audienceText.Text, audienceText.Origin, schema, options);
            diagnostics.AddRange(result.Diagnostics);
            audience = result.Value;
        }

        var actions = new List<RuleActions>();
        var rules = CompileRules(syntax, schema, options, diagnostics, actions);
        var templates = syntax.Templates.ToDictionary(t => t.Template.Name, t => t, StringComparer.Ordinal);
        var withValues = CheckActions(syntax, actions, templates, config, diagnostics);
        var variables = TemplateVariables(schema, config);
        foreach (var template in syntax.Templates)
        {
            var name = template.Template.Name;
            if (!withValues.ContainsKey(name))
            {
                diagnostics.Add(CampaignDiagnostics.UnusedTemplate.Create(syntax.File, template.Template.Line, template.Template.Column, name.Length, diagnostics.Chinese, name));
            }

            TemplateChecker.Check(template, variables, withValues.GetValueOrDefault(name) ?? [], syntax.Marketing, config, diagnostics);
        }

        if (diagnostics.Items.Count(d => d.IsError) > errorsBefore)
        {
            return null;
        }

        return new Campaign<TContext>(syntax.Id, syntax.Name, syntax.Description, syntax.File, syntax.IdNode.Start.Line, syntax.Priority,
            syntax.Marketing, syntax.Enabled, syntax.Schedule, syntax.Trigger, audience, syntax.HoldoutPercent, syntax.Limits,
            [.. syntax.Channels.Select(c => c.Channel)], templates.ToDictionary(t => t.Key, t => t.Value.Template, StringComparer.Ordinal),
            rules, schema);
    }

    /// <summary>The actions of one rule, checked even when the rule's condition has errors, so one pass reports both.</summary>
    private sealed record RuleActions(string Rule, string File, IReadOnlyList<RuleAction> Actions);

    private static List<CompiledRule<TContext>> CompileRules<TContext>(CampaignSyntax syntax, FactSchema<TContext> schema, CompileOptions options, DiagnosticBag diagnostics, List<RuleActions> allActions)
    {
        var rules = new List<CompiledRule<TContext>>();
        foreach (var rule in syntax.Rules)
        {
            var when = CampaignCompiler.CompileCondition(rule.When.Text, rule.When.Origin, schema, options);
            diagnostics.AddRange(when.Diagnostics);
            var actions = new List<RuleAction>();
            var actionsCompiled = true;
            foreach (var then in rule.Then)
            {
                var compiled = CampaignCompiler.CompileActions(then.Text, then.Origin, schema, options);
                diagnostics.AddRange(compiled.Diagnostics);
                actionsCompiled &= compiled.Succeeded;
                actions.AddRange(compiled.Value ?? []);
            }

            allActions.Add(new RuleActions(rule.Name, syntax.File, actions));
            if (when.Succeeded && actionsCompiled)
            {
                rules.Add(new CompiledRule<TContext>(rule.Name, rule.Priority, when.Value!, actions, new SourceOrigin(syntax.File), rule.NameNode.Start.Line, rule.NameNode.Start.Column));
            }
        }

        foreach (var file in syntax.RulesFiles)
        {
            var compiled = CampaignCompiler.CompileRules(file.Text, new SourceOrigin(file.Path), schema, options);
            diagnostics.AddRange(compiled.Diagnostics);
            rules.AddRange(compiled.Value?.Rules ?? []);
            allActions.AddRange((compiled.Value?.Rules ?? []).Select(r => new RuleActions(r.Name, file.Path, r.Actions)));
        }

        var seen = new Dictionary<string, CompiledRule<TContext>>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (seen.TryGetValue(rule.Name, out var first))
            {
                diagnostics.Add(CampaignDiagnostics.DuplicateRuleName.Create(rule.Origin.File, rule.Line, rule.Column, rule.Name.Length, diagnostics.Chinese, rule.Name, first.Line));
            }
            else
            {
                seen[rule.Name] = rule;
            }
        }

        // Lower priority first; equal priorities keep the order they were written in (OrderBy is stable).
        return [.. rules.OrderBy(r => r.Priority)];
    }

    /// <summary>Checks every send action; returns, per template, the <c>with</c> keys the rules pass to it.</summary>
    private static Dictionary<string, HashSet<string>> CheckActions(
        CampaignSyntax syntax, List<RuleActions> rules, Dictionary<string, TemplateSource> templates, EngineConfig config, DiagnosticBag diagnostics)
    {
        var withValues = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var known = config.KnownChannels;
        var defaults = syntax.Channels.Select(c => c.Channel).ToList();
        var lacking = new HashSet<(string, string)>();
        foreach (var rule in rules)
        {
            var file = rule.File;
            foreach (var send in rule.Actions.OfType<SendAction>())
            {
                if (!templates.TryGetValue(send.Template, out var template))
                {
                    diagnostics.Add(CampaignDiagnostics.UnknownTemplate.Create(file, send.Line, send.Column, send.Template.Length, diagnostics.Chinese,
                        rule.Rule, send.Template, DidYouMean.Hint(send.Template, templates.Keys, diagnostics.Chinese)));
                    continue;
                }

                withValues.TryAdd(send.Template, new HashSet<string>(StringComparer.Ordinal));
                withValues[send.Template].UnionWith(send.With.Select(w => w.Key));
                var via = new List<string>();
                foreach (var channel in send.Channels.Select(ChannelNames.Canonical))
                {
                    if (known.Contains(channel))
                    {
                        via.Add(channel);
                    }
                    else
                    {
                        diagnostics.Add(CampaignDiagnostics.UnknownChannel.Create(file, send.Line, send.Column, 1, diagnostics.Chinese, channel, DidYouMean.Hint(channel, known, diagnostics.Chinese)));
                    }
                }

                if (send.Channels.Count > 0 && via.Count == 0)
                {
                    continue;
                }

                var channels = send.Channels.Count > 0 ? via : defaults;
                if (channels.Count == 0)
                {
                    diagnostics.Add(CampaignDiagnostics.NoChannels.Create(file, send.Line, send.Column, 1, diagnostics.Chinese, rule.Rule, send.Template));
                    continue;
                }

                var missing = channels.Where(c => !template.Template.Has(c)).ToList();
                if (missing.Count == channels.Count)
                {
                    diagnostics.Add(CampaignDiagnostics.NoChannelForSend.Create(file, send.Line, send.Column, send.Template.Length, diagnostics.Chinese, send.Template, string.Join(", ", channels)));
                }
                else
                {
                    foreach (var channel in missing.Where(c => lacking.Add((send.Template, c))))
                    {
                        diagnostics.Add(CampaignDiagnostics.TemplateLacksChannel.Create(syntax.File, template.Template.Line, template.Template.Column, send.Template.Length, diagnostics.Chinese, send.Template, channel));
                    }
                }
            }
        }

        return withValues;
    }

    private static HashSet<string> TemplateVariables<TContext>(FactSchema<TContext> schema, EngineConfig config)
    {
        var variables = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in schema.Fields)
        {
            variables.Add(field.Name);
            variables.UnionWith(field.Aliases);
        }

        variables.UnionWith(TemplateChecker.CustomerFields);
        variables.UnionWith(TemplateChecker.SendFields);
        variables.Add("shop");
        variables.Add("shop_name");
        variables.UnionWith(config.Shop.Keys.Select(k => "shop_" + k));
        return variables;
    }
}
