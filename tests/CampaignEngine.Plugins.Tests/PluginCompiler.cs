using CampaignEngine.Plugins.Sdk;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CampaignEngine.Plugins.Tests;

/// <summary>
/// Compiles real plugin assemblies from C# source into plugin folders, so the loader tests load real
/// files the way the engine does — in seconds, without a <c>dotnet build</c> per case.
/// </summary>
internal static class PluginCompiler
{
    private static readonly Lazy<MetadataReference[]> Framework = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll"))
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray());

    /// <summary>The engine's own SDK assembly, as a plugin project would reference it.</summary>
    public static MetadataReference Sdk { get; } = MetadataReference.CreateFromFile(typeof(IChannel).Assembly.Location);

    /// <summary>Compiles <paramref name="source"/> to <c>FOLDER/ASSEMBLY.dll</c> against the engine's SDK (or <paramref name="sdk"/>).</summary>
    public static string CompilePlugin(string folder, string assemblyName, string source, MetadataReference? sdk = null, params MetadataReference[] libraries)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, assemblyName + ".dll");
        File.WriteAllBytes(path, Compile(assemblyName, source, [sdk ?? Sdk, .. libraries]));
        return path;
    }

    /// <summary>Compiles a helper library a plugin depends on into <paramref name="folder"/> and returns it as a reference.</summary>
    public static MetadataReference CompileLibrary(string folder, string assemblyName, string source)
    {
        Directory.CreateDirectory(folder);
        var image = Compile(assemblyName, source);
        File.WriteAllBytes(Path.Combine(folder, assemblyName + ".dll"), image);
        return MetadataReference.CreateFromImage(image);
    }

    /// <summary>
    /// A stand-in SDK assembly of another version: same assembly name and <see cref="IChannel"/>, so a
    /// plugin compiled against it records that SDK version in its reference, exactly like a plugin built
    /// against a future or past release.
    /// </summary>
    public static MetadataReference SdkOfVersion(Version version)
    {
        var source = $$"""
            [assembly: System.Reflection.AssemblyVersion("{{version}}")]
            namespace CampaignEngine.Plugins.Sdk
            {
                public interface IChannel { string Name { get; } }
            }
            """;
        return MetadataReference.CreateFromImage(Compile(typeof(IChannel).Assembly.GetName().Name!, source));
    }

    private static byte[] Compile(string assemblyName, string source, params MetadataReference[] references)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            [.. Framework.Value, .. references],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("test plugin does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return image.ToArray();
    }

    /// <summary>A fresh, empty plugins directory for one test.</summary>
    public static string NewPluginsDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "campaign-plugins-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>The source of a small well-behaved channel named <paramref name="name"/>.</summary>
    public static string GoodChannelSource(string className, string name) => $$"""
        using CampaignEngine.Plugins.Sdk;
        public sealed class {{className}}(IChannelConfiguration configuration) : IChannel
        {
            public string Name => "{{name}}";
            public ContactKind Reaches => ContactKind.Phone;
            public MessageCheck Check(ChannelMessage message) => string.IsNullOrEmpty(message.Text) ? MessageCheck.Fail("empty") : MessageCheck.Ok;
            public CostEstimate EstimateCost(ChannelMessage message) => new(5);
            public System.Threading.Tasks.Task<SendOutcome> SendAsync(ChannelMessage message, System.Threading.CancellationToken cancellationToken)
                => System.Threading.Tasks.Task.FromResult(SendOutcome.Accepted(configuration.ChannelName + ":" + message.IdempotencyKey));
        }
        """;
}
