using System.Reflection;
using System.Runtime.CompilerServices;
using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Dispatch;

/// <summary>
/// A class of a plugin that implements <see cref="IChannel"/>. <see cref="Name"/> is what engine.yaml's
/// <c>plugin:</c> setting names: the channel name the class declares (its <see cref="IChannel.Name"/>),
/// else the plugin's name when the plugin has one class, else <c>PLUGIN/ClassName</c>.
/// </summary>
internal sealed class ChannelImplementation
{
    private ChannelImplementation(string name, string? declaredName, ChannelPlugin plugin, Type type, bool onlyOne)
    {
        Name = name;
        DeclaredName = declaredName;
        PluginName = plugin.Name;
        Type = type;
        IsOnlyOne = onlyOne;
    }

    public string Name { get; }

    /// <summary>The <see cref="IChannel.Name"/> the class gives itself, when it can be read before configuration.</summary>
    public string? DeclaredName { get; }

    public string PluginName { get; }

    public Type Type { get; }

    private bool IsOnlyOne { get; }

    public static IReadOnlyList<ChannelImplementation> Of(ChannelPlugin plugin, IReadOnlyList<Type> types)
        => types.Select(type =>
        {
            var declared = DeclaredNameOf(type);
            var name = declared ?? (types.Count == 1 ? plugin.Name : $"{plugin.Name}/{type.Name}");
            return new ChannelImplementation(name, declared, plugin, type, types.Count == 1);
        }).ToList();

    /// <summary>True when <paramref name="reference"/> (a <c>plugin:</c> value) means this implementation.</summary>
    public bool IsNamed(string reference)
        => string.Equals(reference, Name, StringComparison.OrdinalIgnoreCase)
           || (IsOnlyOne && string.Equals(reference, PluginName, StringComparison.OrdinalIgnoreCase))
           || string.Equals(reference, Type.FullName, StringComparison.Ordinal)
           || string.Equals(reference, Type.Name, StringComparison.Ordinal);

    /// <summary>
    /// Creates a channel instance. A constructor that throws (missing setting, bad endpoint …) is a
    /// configuration problem of that one channel, reported with the plugin's message.
    /// </summary>
    public (IChannel? Channel, string? Problem) Create(IChannelConfiguration configuration)
    {
        try
        {
            var withConfiguration = Type.GetConstructor([typeof(IChannelConfiguration)]);
            var instance = withConfiguration is not null
                ? withConfiguration.Invoke([configuration])
                : Activator.CreateInstance(Type);
            return ((IChannel)instance!, null);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            return (null, $"{Type.Name} refused its configuration: {ex.InnerException.Message}");
        }
        catch (Exception ex)
        {
            // Plugin code: anything it throws (type initializer, missing dependency) is its problem, not a crash of ours.
            return (null, $"could not create {Type.Name}: {ex.GetBaseException().Message}");
        }
    }

    /// <summary>A usable implementation has a public constructor the engine can call.</summary>
    public static bool HasUsableConstructor(Type type)
        => type.GetConstructor([typeof(IChannelConfiguration)]) is not null || type.GetConstructor(Type.EmptyTypes) is not null;

    /// <summary>
    /// Reads <see cref="IChannel.Name"/> from an instance whose constructor has not run. The engine needs
    /// the name before it has a configuration to construct with, and channels declare it as a constant
    /// (<c>Name => "sms"</c>), which needs no constructor. A name that depends on construction reads as
    /// null here (the getter fails or answers nothing) and the plugin is then known by its folder name.
    /// </summary>
    private static string? DeclaredNameOf(Type type)
    {
        try
        {
            var blank = (IChannel)RuntimeHelpers.GetUninitializedObject(type);
            var read = Task.Run(() => blank.Name);
            return read.Wait(TimeSpan.FromSeconds(2)) && read.Result is { Length: > 0 } name && !name.Any(char.IsWhiteSpace) ? name : null;
        }
        catch (Exception)
        {
            return null;
        }
    }
}
