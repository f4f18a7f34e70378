using CampaignEngine.Plugins.Sdk;
using McMaster.NETCore.Plugins;

namespace CampaignEngine.Dispatch;

/// <summary>
/// Loads every plugin folder of the plugins directory, each into its own load context that shares
/// only the SDK's types with the engine, so a plugin may carry its own versions of its dependencies.
/// A folder that cannot be loaded becomes a <see cref="ChannelPlugin"/> with a problem; the others load.
/// </summary>
internal static class ChannelPluginLoader
{
    public static IReadOnlyList<ChannelPlugin> LoadAll(string pluginsDirectory)
    {
        if (!Directory.Exists(pluginsDirectory))
        {
            return [];
        }

        var plugins = Directory.EnumerateDirectories(pluginsDirectory)
            .Order(StringComparer.Ordinal)
            .Select(LoadOrRefuse)
            .ToList();
        var stray = Directory.EnumerateFiles(pluginsDirectory, "*.dll")
            .Order(StringComparer.Ordinal)
            .Select(path => new ChannelPlugin(Path.GetFileNameWithoutExtension(path), path, path, null, null, [],
                $"{Path.GetFileName(path)} lies directly in the plugins directory; each plugin needs a folder of its own: "
                + $"move it and its dependencies into {Path.GetFileNameWithoutExtension(path)}/"));
        return RefuseDuplicateNames([.. plugins, .. stray]);
    }

    private static ChannelPlugin LoadOrRefuse(string folder)
    {
        try
        {
            return Load(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ChannelPlugin(Path.GetFileName(folder), folder, null, null, null, [], $"cannot read the plugin folder: {ex.Message}");
        }
    }

    public static ChannelPlugin Load(string folder)
    {
        var (manifest, manifestProblem) = PluginManifest.Read(folder);
        var name = string.IsNullOrWhiteSpace(manifest.Name) ? Path.GetFileName(folder) : manifest.Name;
        var plugin = new ChannelPlugin(name, folder, null, null, null, [], null);
        if (manifestProblem is not null)
        {
            return plugin.Refused(manifestProblem);
        }

        var (assemblyPath, assemblyProblem) = FindMainAssembly(folder, manifest);
        if (assemblyPath is null)
        {
            return plugin.Refused(assemblyProblem!);
        }

        plugin = plugin with { AssemblyPath = assemblyPath };
        var (inspection, inspectionProblem) = PluginAssemblyInspection.Read(assemblyPath);
        if (inspection is null)
        {
            return plugin.Refused(inspectionProblem!);
        }

        plugin = plugin with { Version = inspection.DisplayVersion, SdkVersion = inspection.SdkReference };
        if (inspection.SdkReference is null)
        {
            return plugin.Refused($"{Path.GetFileName(assemblyPath)} does not reference {PluginAssemblyInspection.SdkAssemblyName}, so it is not a channel plugin");
        }

        if (!SdkVersion.IsCompatible(inspection.SdkReference))
        {
            var current = SdkVersion.Current;
            return plugin.Refused(
                $"built against channel SDK {inspection.SdkReference.ToString(3)}, but this engine has SDK {current.ToString(3)}; "
                + $"plugins must be built against SDK {current.Major}.x with a minor version up to {current.Minor} — rebuild the plugin against this engine's SDK");
        }

        return LoadImplementations(plugin, assemblyPath);
    }

    private static ChannelPlugin LoadImplementations(ChannelPlugin plugin, string assemblyPath)
    {
        List<Type> types;
        try
        {
            // Only the SDK is shared: IChannel, the records and IChannelConfiguration must be the engine's
            // types, while everything else the plugin brings (its JSON or HTTP library …) stays its own.
            var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, sharedTypes: [typeof(IChannel)]);
            types = loader.LoadDefaultAssembly().GetExportedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IChannel).IsAssignableFrom(t))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex)
        {
            // Plugin code and its dependencies are outside our control: any failure refuses this plugin only.
            return plugin.Refused($"could not load {Path.GetFileName(assemblyPath)}: {ex.GetBaseException().Message}");
        }

        if (types.Count == 0)
        {
            return plugin.Refused($"{Path.GetFileName(assemblyPath)} has no public class implementing {nameof(IChannel)}");
        }

        var unusable = types.Where(t => !ChannelImplementation.HasUsableConstructor(t)).ToList();
        if (unusable.Count > 0)
        {
            return plugin.Refused(
                $"{string.Join(", ", unusable.Select(t => t.Name))} has no public constructor taking {nameof(IChannelConfiguration)} (or none without parameters)");
        }

        var implementations = ChannelImplementation.Of(plugin, types);
        var twice = implementations.GroupBy(i => i.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return twice is null
            ? plugin with { Implementations = implementations }
            : plugin.Refused($"{string.Join(" and ", twice.Select(i => i.Type.Name))} both call themselves '{twice.Key}'; give each channel class its own Name");
    }

    private static (string? Path, string? Problem) FindMainAssembly(string folder, PluginManifest manifest)
    {
        if (manifest.Assembly is not null)
        {
            var named = Path.GetFullPath(manifest.Assembly, folder);
            return File.Exists(named) ? (named, null) : (null, $"{PluginManifest.FileName} names assembly \"{manifest.Assembly}\", which is not in the folder");
        }

        var conventional = Path.Combine(folder, Path.GetFileName(folder) + ".dll");
        if (File.Exists(conventional))
        {
            return (conventional, null);
        }

        var assemblies = Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal).ToList();
        if (assemblies.Count == 0)
        {
            return (null, "no .dll in this folder; a plugin folder holds the output of `dotnet build` or `dotnet publish` of a plugin project");
        }

        if (assemblies.Count == 1)
        {
            return (assemblies[0], null);
        }

        var referencingSdk = assemblies.Where(PluginAssemblyInspection.ReferencesSdk).ToList();
        return referencingSdk.Count switch
        {
            1 => (referencingSdk[0], null),
            0 => (null, $"none of the {assemblies.Count} assemblies in this folder references {PluginAssemblyInspection.SdkAssemblyName}, so it is not a channel plugin"),
            _ => (null, $"several assemblies reference the SDK ({string.Join(", ", referencingSdk.Select(Path.GetFileName))}); "
                        + $"name the plugin's own in {PluginManifest.FileName}: {{\"assembly\": \"{Path.GetFileName(referencingSdk[0])}\"}}"),
        };
    }

    /// <summary>
    /// Two plugins claiming one name — two folders <c>Sms</c> and <c>sms</c>, one <c>name</c> in two
    /// plugin.json files, or two channel classes both called <c>sms</c> — make <c>plugin: sms</c>
    /// ambiguous: all of them are refused rather than one winning by folder order, which an operator
    /// would never guess. The other plugins load.
    /// </summary>
    private static List<ChannelPlugin> RefuseDuplicateNames(List<ChannelPlugin> plugins)
    {
        var claims = plugins
            .SelectMany(p => p.Implementations.Select(i => i.Name).Append(p.Name).Distinct(StringComparer.OrdinalIgnoreCase).Select(name => (Name: name, Plugin: p)))
            .GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .ToList();
        return plugins.Select(p =>
        {
            var clash = claims.FirstOrDefault(g => g.Any(c => ReferenceEquals(c.Plugin, p)));
            if (clash is null)
            {
                return p;
            }

            var others = string.Join(", ", clash.Select(c => c.Plugin).Where(o => !ReferenceEquals(o, p)).Select(o => $"{Path.GetFileName(o.Folder)} ({o.AssemblyFileName})"));
            return p.Refused($"the channel name '{clash.Key}' is also claimed by plugin folder {others}; remove one of the plugins, or give one a different \"name\" in its {PluginManifest.FileName}");
        }).ToList();
    }
}
