using System.Text.RegularExpressions;
using CampaignEngine.Calendar;
using CampaignEngine.Campaigns.Configuration;
using CampaignEngine.Campaigns.DerivedFacts;
using CampaignEngine.Campaigns.Loading;
using CampaignEngine.Campaigns.Yaml;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Dsl.Diagnostics;

namespace CampaignEngine.Campaigns;

/// <summary>
/// The one entry into campaign files: loads a campaigns folder — <c>engine.yaml</c>, the shared
/// <c>facts.yaml</c>, every campaign <c>*.yaml</c> with its templates and <c>.rules</c> files, and any
/// other <c>.rules</c> file under the folder — against the facts schema it is given, and returns the
/// compiled campaigns with every diagnostic of every file. Never throws for anything in the files.
/// </summary>
public static partial class CampaignLoader
{
    public const string EngineFileName = "engine.yaml";
    public const string SharedFactsFileName = "facts.yaml";

    public static CampaignSet<TContext> Load<TContext>(string directory, FactSchema<TContext> schema, CampaignLoadOptions? options = null)
    {
        options ??= CampaignLoadOptions.Default;
        var diagnostics = new List<Diagnostic>();
        var files = new List<string>();
        if (!Directory.Exists(directory))
        {
            var bag = Bag(options, "");
            bag.Add(CampaignDiagnostics.DirectoryNotFound, directory, new SourcePosition(1, 1, 0), directory);
            return new CampaignSet<TContext>([], bag.Items, options.Config ?? EngineConfig.Default, files);
        }

        var config = options.Config ?? ReadEngineConfig(directory, options, diagnostics, files);
        var calendar = options.Calendar ?? FestivalCalendar.Default;
        if (config.ShopDays.Count > 0)
        {
            calendar = calendar.WithShopDays(config.ShopDays);
        }

        var compileOptions = new CompileOptions(options.Language);
        var sharedSchema = ReadSharedFacts(directory, schema, config, options, compileOptions, diagnostics, files);

        var campaigns = new List<Campaign<TContext>>();
        var ids = new Dictionary<string, (string File, int Line)>(StringComparer.Ordinal);
        var referencedRules = new HashSet<string>(StringComparer.Ordinal);
        var campaignFiles = CampaignFiles(directory);
        foreach (var file in campaignFiles)
        {
            files.Add(file);
            if (ReadDocument(file, options, diagnostics) is not var (document, bag))
            {
                continue;
            }

            var syntax = CampaignReader.Read(document, config, calendar, bag);
            if (syntax is not null)
            {
                referencedRules.UnionWith(syntax.RulesFiles.Select(r => Path.GetFullPath(r.Path)));
                if (ids.TryGetValue(syntax.Id, out var first))
                {
                    bag.Add(CampaignDiagnostics.DuplicateCampaignId, file, syntax.IdNode, syntax.Id, first.File, first.Line);
                }
                else
                {
                    ids[syntax.Id] = (file, syntax.IdNode.Start.Line);
                }

                var campaign = CampaignBinder.Bind(syntax, sharedSchema, config, compileOptions, bag);
                if (campaign is not null && !bag.HasErrors)
                {
                    campaigns.Add(campaign);
                }
            }

            diagnostics.AddRange(bag.Items);
        }

        if (campaignFiles.Count == 0)
        {
            var bag = Bag(options, "");
            bag.Add(CampaignDiagnostics.NoCampaignFiles, directory, new SourcePosition(1, 1, 0), directory);
            diagnostics.AddRange(bag.Items);
        }

        // A .rules file no campaign references is still checked: a marketer keeps drafts there.
        foreach (var rulesFile in Directory.EnumerateFiles(directory, "*.rules", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (referencedRules.Contains(Path.GetFullPath(rulesFile)))
            {
                files.Add(rulesFile);
                continue;
            }

            files.Add(rulesFile);
            var text = ReadText(rulesFile, Bag(options, ""), diagnostics);
            if (text is not null)
            {
                diagnostics.AddRange(CampaignCompiler.CompileRules(text, new SourceOrigin(rulesFile), sharedSchema, compileOptions).Diagnostics);
            }
        }

        return new CampaignSet<TContext>(campaigns, diagnostics, config, files);
    }

    /// <summary>The campaign files of a folder: its <c>*.yaml</c>/<c>*.yml</c>, except the engine configuration and the shared facts.</summary>
    internal static List<string> CampaignFiles(string directory)
        => Directory.EnumerateFiles(directory, "*.y*ml", SearchOption.TopDirectoryOnly)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Where(f => !IsSpecial(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static bool IsSpecial(string name)
        => Path.GetFileNameWithoutExtension(name).ToLowerInvariant() is "engine" or "facts";

    private static EngineConfig ReadEngineConfig(string directory, CampaignLoadOptions options, List<Diagnostic> diagnostics, List<string> files)
    {
        var path = Path.Combine(directory, EngineFileName);
        if (!File.Exists(path))
        {
            var bag = Bag(options, "");
            bag.Add(CampaignDiagnostics.NoEngineConfig, directory, new SourcePosition(1, 1, 0), directory);
            diagnostics.AddRange(bag.Items);
            return EngineConfig.Default;
        }

        files.Add(path);
        if (ReadDocument(path, options, diagnostics) is not var (document, fileBag))
        {
            return EngineConfig.Default;
        }

        var config = EngineConfigLoader.Read(document, fileBag);
        diagnostics.AddRange(fileBag.Items);
        return config;
    }

    private static FactSchema<TContext> ReadSharedFacts<TContext>(
        string directory, FactSchema<TContext> schema, EngineConfig config, CampaignLoadOptions options, CompileOptions compileOptions, List<Diagnostic> diagnostics, List<string> files)
    {
        var path = Path.Combine(directory, SharedFactsFileName);
        if (!File.Exists(path))
        {
            return schema;
        }

        files.Add(path);
        if (ReadDocument(path, options, diagnostics) is not var (document, bag))
        {
            return schema;
        }

        if (document.Root is MappingNode root)
        {
            var keys = new MappingReader(root, CampaignKeys.FactsFile, path, bag);
            if (keys.Mapping("facts", "{big_spender: monetary >= 1000}") is { } facts)
            {
                schema = DerivedFactCompiler.Compile(FactSourceReader.Read(document, facts, bag), schema, config.TrustScripts, compileOptions, bag);
            }
        }
        else if (document.Root is not null)
        {
            bag.Add(CampaignDiagnostics.ExpectedMapping, path, document.Root, "facts.yaml");
        }

        diagnostics.AddRange(bag.Items);
        return schema;
    }

    /// <summary>Reads and parses one YAML file with a diagnostic bag in the language for that file; null (and a diagnostic) when unreadable.</summary>
    private static (SourceDocument, DiagnosticBag)? ReadDocument(string path, CampaignLoadOptions options, List<Diagnostic> diagnostics)
    {
        var probe = Bag(options, "");
        var text = ReadText(path, probe, diagnostics);
        if (text is null)
        {
            return null;
        }

        var bag = Bag(options, text);
        return (SourceTreeReader.Read(path, text, bag), bag);
    }

    private static string? ReadText(string path, DiagnosticBag bag, List<Diagnostic> diagnostics)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            bag.Add(CampaignDiagnostics.FileUnreadable, path, new SourcePosition(1, 1, 0), ex.Message);
            diagnostics.AddRange(bag.Items);
            return null;
        }
    }

    /// <summary>Messages in the language asked for; with Auto, in Chinese for a file whose keys are Chinese.</summary>
    private static DiagnosticBag Bag(CampaignLoadOptions options, string text) => new(options.Language switch
    {
        MessageLanguage.Chinese => true,
        MessageLanguage.English => false,
        _ => ChineseKey().IsMatch(text),
    });

    [GeneratedRegex(@"^\s*(?:-\s*)?[\p{IsCJKUnifiedIdeographs}]+\s*[:：]", RegexOptions.Multiline)]
    private static partial Regex ChineseKey();
}
