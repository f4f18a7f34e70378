using System.CommandLine;
using System.Text.RegularExpressions;

namespace CampaignEngine.Cli.Commands;

/// <summary>
/// <c>campaign new-plugin NAME</c>: a channel plugin project and its contract tests, ready to build.
/// The projects reference the SDK and the test kit by project path in a CampaignEngine source tree —
/// the one above <c>--out</c> or the current directory, or the one <c>--repo</c> names.
/// </summary>
internal sealed partial class NewPluginCommand : ICliCommand
{
    private const string SdkProject = "plugins/CampaignEngine.Plugins.Sdk/CampaignEngine.Plugins.Sdk.csproj";
    private const string TestingProject = "plugins/CampaignEngine.Plugins.Testing/CampaignEngine.Plugins.Testing.csproj";

    public Command Create(CliConsole console)
    {
        var name = new Argument<string>("NAME") { Description = "The plugin's project name and namespace, like Acme.Fax; the channel is named after its last part (fax)." };
        var outOption = new Option<string?>("--out") { Description = "Where to create the NAME folder (default: the current directory)." };
        var repoOption = new Option<string?>("--repo") { Description = "The CampaignEngine source tree whose SDK and test kit to reference (default: found above --out or the current directory)." };
        var command = new Command("new-plugin", "Scaffold a channel plugin project with its contract tests.");
        command.Arguments.Add(name);
        command.Options.Add(outOption);
        command.Options.Add(repoOption);
        command.SetAction(result => Run(console, result.GetValue(name)!, result.GetValue(outOption), result.GetValue(repoOption)));
        return command;
    }

    private static int Run(CliConsole console, string name, string? outDirectory, string? repoOption)
    {
        if (!ProjectName().IsMatch(name))
        {
            console.Error.WriteLine($"error: '{name}' is not a project name; use letters, digits and dots, like Acme.Fax");
            return ExitCodes.Usage;
        }

        var target = Path.GetFullPath(Path.Combine(outDirectory ?? ".", name));
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            console.Error.WriteLine($"error: {target} already exists and is not empty; choose another --out or NAME");
            return ExitCodes.Usage;
        }

        var repo = repoOption is not null ? Path.GetFullPath(repoOption) : FindRepository(target) ?? FindRepository(Directory.GetCurrentDirectory());
        if (repo is null || !File.Exists(Path.Combine(repo, SdkProject)))
        {
            console.Error.WriteLine($"error: cannot find the CampaignEngine source tree ({SdkProject}) {(repoOption is null ? "above the output folder or the current directory" : $"in {repo}")}; "
                                    + "pass --repo PATH_TO_CAMPAIGNENGINE so the plugin can reference the SDK and the test kit");
            return ExitCodes.Usage;
        }

        var lastPart = name[(name.LastIndexOf('.') + 1)..];
        var channel = lastPart.ToLowerInvariant();
        var className = lastPart.EndsWith("Channel", StringComparison.Ordinal) ? lastPart : char.ToUpperInvariant(lastPart[0]) + lastPart[1..] + "Channel";
        var source = Path.Combine(target, "src", name);
        var tests = Path.Combine(target, "tests", name + ".Tests");

        string Fill(string template, string projectDirectory) => template
            .Replace("__NAME__", name, StringComparison.Ordinal)
            .Replace("__CLASS__", className, StringComparison.Ordinal)
            .Replace("__CHANNEL__", channel, StringComparison.Ordinal)
            .Replace("__TOKEN_VARIABLE__", channel.ToUpperInvariant() + "_TOKEN", StringComparison.Ordinal)
            .Replace("__SDK__", Relative(projectDirectory, Path.Combine(repo, SdkProject)), StringComparison.Ordinal)
            .Replace("__TESTING__", Relative(projectDirectory, Path.Combine(repo, TestingProject)), StringComparison.Ordinal);

        var files = new (string Path, string Template)[]
        {
            (Path.Combine(target, "Directory.Build.props"), NewPluginTemplates.DirectoryBuildProps),
            (Path.Combine(target, "Directory.Packages.props"), NewPluginTemplates.DirectoryPackagesProps),
            (Path.Combine(target, "README.md"), NewPluginTemplates.Readme),
            (Path.Combine(source, name + ".csproj"), NewPluginTemplates.PluginProject),
            (Path.Combine(source, className + ".cs"), NewPluginTemplates.Channel),
            (Path.Combine(tests, name + ".Tests.csproj"), NewPluginTemplates.TestProject),
            (Path.Combine(tests, className + "ContractTests.cs"), NewPluginTemplates.ContractTests),
        };
        foreach (var (path, template) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Fill(template, Path.GetDirectoryName(path)!));
            console.Out.WriteLine($"created {Path.GetRelativePath(Directory.GetCurrentDirectory(), path)}");
        }

        console.Out.WriteLine();
        console.Out.WriteLine($"channel '{channel}' ({className}), referencing the SDK in {repo}");
        console.Out.WriteLine($"next: dotnet test {Path.GetRelativePath(Directory.GetCurrentDirectory(), tests)}");
        return ExitCodes.Ok;
    }

    private static string? FindRepository(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SdkProject)))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    private static string Relative(string from, string to) => Path.GetRelativePath(from, to).Replace('\\', '/');

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*$")]
    private static partial Regex ProjectName();
}
