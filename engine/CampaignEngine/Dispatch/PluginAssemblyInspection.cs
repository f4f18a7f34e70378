using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Dispatch;

/// <summary>
/// What a plugin assembly says about itself, read from its metadata without loading it: whether it is a
/// .NET assembly at all and which SDK version it was built against. Reading instead of loading means a
/// plugin built against another SDK major version is refused before any of its code runs.
/// </summary>
internal sealed record PluginAssemblyInspection(Version AssemblyVersion, string? InformationalVersion, Version? SdkReference)
{
    public static string SdkAssemblyName { get; } = typeof(IChannel).Assembly.GetName().Name!;

    /// <summary>Inspects <paramref name="path"/>; returns a problem sentence instead when it is not a .NET assembly.</summary>
    public static (PluginAssemblyInspection? Inspection, string? Problem) Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return (null, $"{Path.GetFileName(path)} is not a .NET assembly (no metadata); a plugin folder holds the output of `dotnet build` or `dotnet publish` of a plugin project");
            }

            var reader = pe.GetMetadataReader();
            var definition = reader.GetAssemblyDefinition();
            Version? sdk = null;
            foreach (var handle in reader.AssemblyReferences)
            {
                var reference = reader.GetAssemblyReference(handle);
                if (reader.StringComparer.Equals(reference.Name, SdkAssemblyName))
                {
                    sdk = reference.Version;
                }
            }

            return (new PluginAssemblyInspection(definition.Version, InformationalVersionOf(reader, definition), sdk), null);
        }
        catch (BadImageFormatException ex)
        {
            return (null, $"{Path.GetFileName(path)} is not a .NET assembly ({ex.Message.TrimEnd('.')}); a plugin folder holds the output of `dotnet build` or `dotnet publish` of a plugin project");
        }
        catch (IOException ex)
        {
            return (null, $"cannot read {Path.GetFileName(path)}: {ex.Message}");
        }
    }

    /// <summary>True when the assembly at <paramref name="path"/> references the SDK (used to pick the main assembly).</summary>
    public static bool ReferencesSdk(string path) => Read(path).Inspection?.SdkReference is not null;

    /// <summary>The version to show an operator: the informational version without the source-revision suffix.</summary>
    public string DisplayVersion => InformationalVersion?.Split('+')[0] ?? AssemblyVersion.ToString(3);

    private static string? InformationalVersionOf(MetadataReader reader, AssemblyDefinition definition)
    {
        foreach (var handle in definition.GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference
                || !reader.StringComparer.Equals(reader.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name, "AssemblyInformationalVersionAttribute"))
            {
                continue;
            }

            // Custom attribute blob: prolog 0x0001, then the one string argument.
            var blob = reader.GetBlobReader(attribute.Value);
            return blob.ReadUInt16() == 1 ? blob.ReadSerializedString() : null;
        }

        return null;
    }
}
