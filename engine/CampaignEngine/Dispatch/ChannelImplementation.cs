using System.Reflection;
using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Dispatch;

/// <summary>
/// A class of a plugin that implements <see cref="IChannel"/>. <see cref="Name"/> is what engine.yaml's
/// <c>plugin:</c> setting names: the plugin's name when it provides one implementation, else
/// <c>PLUGIN/ClassName</c>.
/// </summary>
internal sealed class ChannelImplementation(string name, string pluginName, Type type)
{
    public string Name { get; } = name;

    public string PluginName { get; } = pluginName;

    public Type Type { get; } = type;

    /// <summary>True when <paramref name="reference"/> (a <c>plugin:</c> value) means this implementation.</summary>
    public bool IsNamed(string reference)
        => string.Equals(reference, Name, StringComparison.OrdinalIgnoreCase)
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
}
