using System.CommandLine;
using CampaignEngine.Dispatch;

namespace CampaignEngine.Cli.Commands;

/// <summary>
/// <c>campaign plugins</c>: which channel plugins the engine finds, which channels engine.yaml makes of
/// them, and everything that is wrong, with the reason. Exit 0 when all is fine, 1 otherwise.
/// </summary>
internal sealed class PluginsCommand : ICliCommand
{
    public Command Create(CliConsole console)
    {
        var pluginsOption = new Option<string?>("--plugins") { Description = "The plugins directory (default: plugins_dir in the config, $CAMPAIGN_PLUGINS, the nearest artifacts/plugins, or plugins/ beside the engine)." };
        var configOption = new Option<string?>("--config") { Description = "The engine config whose channels: block to check (default: engine.yaml in the current directory, when there is one)." };
        var command = new Command("plugins", "List channel plugins and configured channels with their status and problems.");
        command.Options.Add(pluginsOption);
        command.Options.Add(configOption);
        command.SetAction(result => Run(console, result.GetValue(pluginsOption), result.GetValue(configOption)));
        return command;
    }

    private static int Run(CliConsole console, string? pluginsOption, string? configOption)
    {
        var configPath = configOption ?? (File.Exists("engine.yaml") ? "engine.yaml" : null);
        var config = configPath is null ? null : EngineChannelsFile.Read(configPath);
        var directory = PluginsDirectory.Find(pluginsOption, config?.PluginsDirectory, configPath);
        using var host = ChannelHost.Load(directory.Path, config?.Channels ?? []);

        var output = console.Out;
        output.WriteLine($"plugins directory: {directory.Path} ({directory.Source})");
        output.WriteLine($"engine config: {(configPath is null ? "none (no channels configured)" : Path.GetFullPath(configPath))}");
        output.WriteLine($"channel SDK of this engine: {ChannelHost.SdkVersionOfEngine.ToString(3)}");
        output.WriteLine();

        var problems = new List<string>(config?.Problems ?? []);
        if (!Directory.Exists(directory.Path))
        {
            problems.Add($"the plugins directory {directory.Path} does not exist; build the channels (`dotnet build`) or pass --plugins DIR");
        }

        var rows = new List<string[]> { new[] { "CHANNEL", "IMPLEMENTATION", "PLUGIN", "ASSEMBLY", "VERSION", "SDK", "STATUS" } };
        var reasons = new List<(int Row, string Reason)>();
        void Row(string channel, string implementation, ChannelPlugin? plugin, string status, IEnumerable<string> why)
        {
            rows.Add([channel, implementation, plugin?.Name ?? "-", plugin?.AssemblyFileName ?? "-", plugin?.Version ?? "-", plugin?.SdkVersion?.ToString(3) ?? "-", status]);
            reasons.AddRange(why.Select(reason => (rows.Count - 1, reason)));
        }

        foreach (var channel in host.Configured)
        {
            var status = channel.Problems.Count > 0 || channel.Channel is null ? "configuration problem"
                : channel.Warnings.Count > 0 ? "configured, with warnings" : "configured";
            Row(channel.Name, channel.Implementation?.Name ?? channel.PluginReference, channel.Plugin, status, channel.Problems.Concat(channel.Warnings));
        }

        var used = host.Configured.Select(c => c.Implementation).OfType<ChannelImplementation>().ToHashSet();
        foreach (var plugin in host.Plugins)
        {
            if (!plugin.IsLoaded)
            {
                Row("-", "-", plugin, "load error", [plugin.Problem!]);
            }

            foreach (var implementation in plugin.Implementations.Where(i => !used.Contains(i)))
            {
                Row("-", implementation.Name, plugin, "loaded, not configured", []);
            }
        }

        if (rows.Count == 1)
        {
            output.WriteLine("no plugins found.");
        }
        else
        {
            WriteTable(output, rows, reasons);
        }

        foreach (var problem in problems)
        {
            console.Error.WriteLine($"error: {problem}");
        }

        return problems.Count == 0 && host.IsFine ? ExitCodes.Ok : ExitCodes.InputErrors;
    }

    private static void WriteTable(TextWriter output, List<string[]> rows, List<(int Row, string Reason)> reasons)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        for (var i = 0; i < rows.Count; i++)
        {
            output.WriteLine(string.Join("  ", rows[i].Select((cell, c) => c == rows[i].Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
            foreach (var (_, reason) in reasons.Where(r => r.Row == i))
            {
                output.WriteLine($"    - {reason}");
            }
        }
    }
}
