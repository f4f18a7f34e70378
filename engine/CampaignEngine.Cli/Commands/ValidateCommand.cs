using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using CampaignEngine.Calendar;
using CampaignEngine.Campaigns;
using CampaignEngine.Dsl.Binding;
using CampaignEngine.Dsl.Compilation;
using CampaignEngine.Dsl.Diagnostics;
using CampaignEngine.Facts;

namespace CampaignEngine.Cli.Commands;

/// <summary>
/// <c>campaign validate [DIR] [--json] [--lang zh|en] [--text "rule …"]</c>: loads every campaign, rules file
/// and template under DIR and prints every diagnostic as <c>file:line:col: error CE0123: message</c> with a
/// <c>hint:</c> line, grouped by file, then a count. Exit 0 when there is no error, 1 when there is.
/// </summary>
internal sealed class ValidateCommand : ICliCommand
{
    public Command Create(CliConsole console)
    {
        var directory = new Argument<string>("DIR")
        {
            Description = "The campaigns folder (campaign *.yaml, engine.yaml, facts.yaml, .rules files).",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "campaigns",
        };
        var json = new Option<bool>("--json") { Description = "Print the diagnostics as JSON, for editors and CI." };
        var language = new Option<string>("--lang") { Description = "The language of the messages: zh or en (default: follow each file).", DefaultValueFactory = _ => "auto" };
        language.AcceptOnlyFromAmong("zh", "en", "auto");
        var text = new Option<string?>("--text") { Description = "Check one rule or expression given here instead of a folder." };
        var command = new Command("validate", "Check campaign files, rules files and templates; print every problem with file:line:column and a fix.")
        {
            directory, json, language, text,
        };
        command.SetAction(parse => Run(
            console,
            parse.GetValue(directory) ?? "campaigns",
            parse.GetValue(json),
            ParseLanguage(parse.GetValue(language)),
            parse.GetValue(text),
            BuiltInFacts.Schema(FestivalCalendar.Default)));
        return command;
    }

    /// <summary>The command's work, with the facts schema passed in so tests can use their own.</summary>
    internal static int Run<TContext>(CliConsole console, string directory, bool json, MessageLanguage language, string? text, FactSchema<TContext> schema)
    {
        IReadOnlyList<Diagnostic> diagnostics;
        int fileCount;
        if (text is not null)
        {
            diagnostics = CheckText(text, schema, language);
            fileCount = 0;
        }
        else
        {
            var set = CampaignLoader.Load(directory, schema, new CampaignLoadOptions(Language: language));
            diagnostics = set.Diagnostics;
            fileCount = set.Files.Count;
        }

        var chinese = language == MessageLanguage.Chinese;
        if (json)
        {
            console.Out.WriteLine(ValidationJson.Write(diagnostics, fileCount));
        }
        else
        {
            ValidationText.Write(console.Out, diagnostics, fileCount, chinese);
        }

        return diagnostics.Any(d => d.IsError) ? ExitCodes.InputErrors : ExitCodes.Ok;
    }

    /// <summary>A rule (starting with <c>rule</c> or <c>规则</c>) or an expression typed on the command line.</summary>
    private static IReadOnlyList<Diagnostic> CheckText<TContext>(string text, FactSchema<TContext> schema, MessageLanguage language)
    {
        var origin = new SourceOrigin("--text");
        var options = new CompileOptions(language);
        var trimmed = text.TrimStart();
        return trimmed.StartsWith("rule", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("规则", StringComparison.Ordinal)
            ? CampaignCompiler.CompileRules(text, origin, schema, options).Diagnostics
            : CampaignCompiler.CompileValue(text, origin, schema, options).Diagnostics;
    }

    private static MessageLanguage ParseLanguage(string? value) => value switch
    {
        "zh" => MessageLanguage.Chinese,
        "en" => MessageLanguage.English,
        _ => MessageLanguage.Auto,
    };
}

/// <summary>The human-readable report: diagnostics grouped by file, in position order, then a count line.</summary>
internal static class ValidationText
{
    public static void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, int fileCount, bool chinese)
    {
        foreach (var group in diagnostics.GroupBy(d => d.File))
        {
            foreach (var diagnostic in group.OrderBy(d => d.Line).ThenBy(d => d.Column))
            {
                output.WriteLine(diagnostic.ToString());
                if (diagnostic.Hint is { Length: > 0 } hint)
                {
                    output.WriteLine($"    {(chinese ? "提示" : "hint")}: {hint}");
                }
            }

            output.WriteLine();
        }

        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        output.WriteLine(chinese
            ? $"{errors} 个错误,{warnings} 个警告,共 {fileCount} 个文件"
            : $"{Plural(errors, "error")}, {Plural(warnings, "warning")} in {Plural(fileCount, "file")}");
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}

/// <summary>The JSON report for editors and CI: counts and every diagnostic with its position.</summary>
internal static class ValidationJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Chinese messages stay readable in the JSON instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IReadOnlyList<Diagnostic> diagnostics, int fileCount)
        => JsonSerializer.Serialize(new
        {
            files = fileCount,
            errors = diagnostics.Count(d => d.IsError),
            warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning),
            diagnostics = diagnostics.Select(d => new
            {
                file = d.File,
                line = d.Line,
                column = d.Column,
                length = d.Length,
                severity = d.Severity.ToString().ToLowerInvariant(),
                code = d.Code,
                message = d.Message,
                hint = d.Hint,
            }),
        }, Options);
}
