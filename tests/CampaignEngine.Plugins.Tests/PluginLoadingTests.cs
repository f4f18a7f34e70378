using CampaignEngine.Dispatch;
using CampaignEngine.Plugins.Sdk;

namespace CampaignEngine.Plugins.Tests;

/// <summary>Loading plugin folders: the good ones load, each broken one is refused with a reason, and one bad folder never stops the others.</summary>
public sealed class PluginLoadingTests
{
    private readonly string plugins = PluginCompiler.NewPluginsDirectory();

    private ChannelPlugin Only(IReadOnlyList<ChannelPlugin> loaded, string name) => Assert.Single(loaded, p => p.Name == name);

    private void GoodPlugin(string folder = "good", string className = "GoodChannel", string name = "good")
        => PluginCompiler.CompilePlugin(Path.Combine(plugins, folder), folder, PluginCompiler.GoodChannelSource(className, name));

    [Fact]
    public void A_good_plugin_loads_with_its_version_and_sdk_version()
    {
        GoodPlugin();

        var plugin = Only(ChannelPluginLoader.LoadAll(plugins), "good");

        Assert.True(plugin.IsLoaded, plugin.Problem);
        Assert.Equal(SdkVersion.Current, plugin.SdkVersion);
        var implementation = Assert.Single(plugin.Implementations);
        Assert.Equal("good", implementation.Name);
        Assert.Equal("GoodChannel", implementation.Type.Name);
    }

    [Fact]
    public void The_plugin_shares_the_sdk_types_with_the_engine_so_its_channel_is_an_IChannel()
    {
        GoodPlugin();

        var implementation = Only(ChannelPluginLoader.LoadAll(plugins), "good").Implementations[0];
        var (channel, problem) = implementation.Create(new ChannelConfiguration(
            ChannelSettings.Read([new("good", null)])[0], _ => null, new SecretRedactor()));

        Assert.Null(problem);
        Assert.IsAssignableFrom<IChannel>(channel);
        Assert.NotSame(typeof(ChannelPluginLoader).Assembly, channel!.GetType().Assembly);
    }

    [Fact]
    public void An_empty_folder_is_refused_and_the_other_plugins_still_load()
    {
        GoodPlugin();
        Directory.CreateDirectory(Path.Combine(plugins, "empty"));

        var loaded = ChannelPluginLoader.LoadAll(plugins);

        Assert.Contains("no .dll in this folder", Only(loaded, "empty").Problem);
        Assert.True(Only(loaded, "good").IsLoaded);
    }

    [Fact]
    public void Random_bytes_named_like_a_dll_are_refused_as_not_a_dotnet_assembly()
    {
        GoodPlugin();
        Directory.CreateDirectory(Path.Combine(plugins, "junk"));
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        File.WriteAllBytes(Path.Combine(plugins, "junk", "junk.dll"), bytes);

        var loaded = ChannelPluginLoader.LoadAll(plugins);

        Assert.Contains("junk.dll is not a .NET assembly", Only(loaded, "junk").Problem);
        Assert.True(Only(loaded, "good").IsLoaded);
    }

    [Theory]
    [InlineData("2.0.0")]
    [InlineData("0.9.0")]
    [InlineData("1.5.0")]
    public void A_plugin_built_against_an_incompatible_sdk_version_is_refused_before_any_of_its_code_runs(string version)
    {
        GoodPlugin();
        var otherSdk = PluginCompiler.SdkOfVersion(Version.Parse(version));
        PluginCompiler.CompilePlugin(Path.Combine(plugins, "future"), "future", """
            public sealed class FutureChannel : CampaignEngine.Plugins.Sdk.IChannel { public string Name => "future"; }
            """, otherSdk);

        var loaded = ChannelPluginLoader.LoadAll(plugins);

        var future = Only(loaded, "future");
        Assert.Contains($"built against channel SDK {version}, but this engine has SDK {SdkVersion.Current.ToString(3)}", future.Problem);
        Assert.Equal(Version.Parse(version), new Version(future.SdkVersion!.Major, future.SdkVersion.Minor, future.SdkVersion.Build));
        Assert.True(Only(loaded, "good").IsLoaded);
    }

    [Fact]
    public void An_assembly_that_does_not_reference_the_sdk_is_not_a_plugin()
    {
        var folder = Path.Combine(plugins, "library");
        PluginCompiler.CompilePlugin(folder, "library", "public static class Helper { public static int Two => 2; }");

        var plugin = Only(ChannelPluginLoader.LoadAll(plugins), "library");

        Assert.Contains("does not reference CampaignEngine.Plugins.Sdk", plugin.Problem);
    }

    [Fact]
    public void A_plugin_without_a_channel_class_says_so()
    {
        PluginCompiler.CompilePlugin(Path.Combine(plugins, "nochannel"), "nochannel", """
            public sealed class NotAChannel { public CampaignEngine.Plugins.Sdk.ContactKind Kind => CampaignEngine.Plugins.Sdk.ContactKind.Email; }
            """);

        Assert.Contains("has no public class implementing IChannel", Only(ChannelPluginLoader.LoadAll(plugins), "nochannel").Problem);
    }

    [Fact]
    public void A_channel_class_without_a_usable_constructor_is_refused_with_the_constructor_to_write()
    {
        PluginCompiler.CompilePlugin(Path.Combine(plugins, "oddctor"), "oddctor", PluginCompiler.GoodChannelSource("OddChannel", "odd")
            .Replace("(IChannelConfiguration configuration)", "(int retries)").Replace("configuration.ChannelName", "retries.ToString()"));

        Assert.Contains("OddChannel has no public constructor taking IChannelConfiguration", Only(ChannelPluginLoader.LoadAll(plugins), "oddctor").Problem);
    }

    [Fact]
    public void Two_plugin_folders_claiming_one_name_are_both_refused_and_the_others_still_load()
    {
        GoodPlugin();
        PluginCompiler.CompilePlugin(Path.Combine(plugins, "sms"), "sms", PluginCompiler.GoodChannelSource("SmsChannel", "sms"));
        PluginCompiler.CompilePlugin(Path.Combine(plugins, "Sms"), "Sms", PluginCompiler.GoodChannelSource("OtherSmsChannel", "sms"));

        var loaded = ChannelPluginLoader.LoadAll(plugins);

        var clashing = loaded.Where(p => string.Equals(p.Name, "sms", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(2, clashing.Count);
        Assert.Equal(
            "the channel name 'sms' is also claimed by plugin folder Sms (Sms.dll); remove one of the plugins, or give one a different \"name\" in its plugin.json",
            clashing.Single(p => p.Name == "sms").Problem);
        Assert.True(Only(loaded, "good").IsLoaded);
    }

    [Fact]
    public void Two_plugins_whose_channels_call_themselves_by_one_name_are_both_refused()
    {
        GoodPlugin();
        PluginCompiler.CompilePlugin(Path.Combine(plugins, "sms"), "sms", PluginCompiler.GoodChannelSource("SmsChannel", "sms"));
        PluginCompiler.CompilePlugin(Path.Combine(plugins, "acme"), "acme", PluginCompiler.GoodChannelSource("AcmeSmsChannel", "sms"));

        var loaded = ChannelPluginLoader.LoadAll(plugins);

        Assert.Contains("the channel name 'sms' is also claimed by plugin folder sms (sms.dll)", Only(loaded, "acme").Problem);
        Assert.Contains("the channel name 'sms' is also claimed by plugin folder acme (acme.dll)", Only(loaded, "sms").Problem);
        Assert.True(Only(loaded, "good").IsLoaded);
    }

    [Fact]
    public void A_plugin_with_several_channels_names_each_by_the_name_it_declares()
    {
        var folder = Path.Combine(plugins, "chat");
        PluginCompiler.CompilePlugin(folder, "chat", PluginCompiler.GoodChannelSource("WeChatWorkChannel", "wechat_work") + PluginCompiler.GoodChannelSource("DingTalkChannel", "dingtalk").Replace("using CampaignEngine.Plugins.Sdk;", ""));

        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> engineConfig = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["vip_group"] = new Dictionary<string, string> { ["plugin"] = "dingtalk" },
        };
        var host = ChannelHost.Load(plugins, engineConfig);

        Assert.Equal(["dingtalk", "wechat_work"], Assert.Single(host.Plugins).Implementations.Select(i => i.Name));
        Assert.Equal("dingtalk", host.Channels["vip_group"].PluginChannelName);
    }

    [Fact]
    public void A_channel_whose_name_needs_its_configuration_is_known_by_its_folder()
    {
        PluginCompiler.CompilePlugin(Path.Combine(plugins, "dynamic"), "dynamic", PluginCompiler.GoodChannelSource("DynamicChannel", "x")
            .Replace("public string Name => \"x\";", "public string Name => configuration.ChannelName;"));

        var implementation = Assert.Single(Only(ChannelPluginLoader.LoadAll(plugins), "dynamic").Implementations);

        Assert.Null(implementation.DeclaredName);
        Assert.Equal("dynamic", implementation.Name);
    }

    [Fact]
    public void A_plugin_json_names_the_main_assembly_and_the_plugin()
    {
        var folder = Path.Combine(plugins, "acme-sms-1.4");
        PluginCompiler.CompilePlugin(folder, "Acme.Sms", PluginCompiler.GoodChannelSource("AcmeSmsChannel", "acme_sms"));
        PluginCompiler.CompilePlugin(folder, "Acme.Sms.Extras", PluginCompiler.GoodChannelSource("ExtraChannel", "extra"));
        File.WriteAllText(Path.Combine(folder, "plugin.json"), """{"assembly": "Acme.Sms.dll", "name": "acme_sms"}""");

        var plugin = Assert.Single(ChannelPluginLoader.LoadAll(plugins));

        Assert.True(plugin.IsLoaded, plugin.Problem);
        Assert.Equal("acme_sms", plugin.Name);
        Assert.Equal("Acme.Sms.dll", plugin.AssemblyFileName);
    }

    [Fact]
    public void Several_sdk_assemblies_without_a_plugin_json_ask_for_one()
    {
        var folder = Path.Combine(plugins, "mixed");
        PluginCompiler.CompilePlugin(folder, "A", PluginCompiler.GoodChannelSource("AChannel", "a"));
        PluginCompiler.CompilePlugin(folder, "B", PluginCompiler.GoodChannelSource("BChannel", "b"));

        Assert.Contains("name the plugin's own in plugin.json", Assert.Single(ChannelPluginLoader.LoadAll(plugins)).Problem);
    }

    [Fact]
    public void A_broken_plugin_json_is_reported_with_its_line_and_column()
    {
        var folder = Path.Combine(plugins, "badjson");
        PluginCompiler.CompilePlugin(folder, "badjson", PluginCompiler.GoodChannelSource("BadJsonChannel", "badjson"));
        File.WriteAllText(Path.Combine(folder, "plugin.json"), "{\n  \"assembly\": \"badjson.dll\",,\n}");

        Assert.Matches(@"plugin\.json:2:\d+: not valid JSON", Assert.Single(ChannelPluginLoader.LoadAll(plugins)).Problem);
    }

    [Fact]
    public void A_constructor_that_throws_is_a_problem_of_that_channel_only()
    {
        GoodPlugin();
        PluginCompiler.CompilePlugin(Path.Combine(plugins, "grumpy"), "grumpy", """
            using CampaignEngine.Plugins.Sdk;
            public sealed class GrumpyChannel : IChannel
            {
                public GrumpyChannel(IChannelConfiguration configuration) => throw new System.ArgumentException("setting 'endpoint' is required");
                public string Name => "grumpy";
                public ContactKind Reaches => ContactKind.Phone;
                public MessageCheck Check(ChannelMessage message) => MessageCheck.Ok;
                public CostEstimate EstimateCost(ChannelMessage message) => CostEstimate.Free;
                public System.Threading.Tasks.Task<SendOutcome> SendAsync(ChannelMessage message, System.Threading.CancellationToken cancellationToken) => throw new System.NotImplementedException();
            }
            """);

        var host = ChannelHost.Load(plugins, [new("grumpy", null), new("good", null)]);

        var grumpy = Assert.Single(host.Configured, c => c.Name == "grumpy");
        Assert.Null(grumpy.Channel);
        Assert.Equal("GrumpyChannel refused its configuration: setting 'endpoint' is required", Assert.Single(grumpy.Problems));
        Assert.True(host.Channels.ContainsKey("good"));
        Assert.False(host.IsFine);
    }

    [Fact]
    public void Each_plugin_loads_its_own_version_of_a_dependency_side_by_side()
    {
        foreach (var (folder, version, value) in new[] { ("old", "1.0.0.0", "util_one"), ("new", "2.0.0.0", "util_two") })
        {
            var util = PluginCompiler.CompileLibrary(Path.Combine(plugins, folder), "Acme.Util", $$"""
                [assembly: System.Reflection.AssemblyVersion("{{version}}")]
                public static class Util { public static string Value => "{{value}}"; }
                """);
            PluginCompiler.CompilePlugin(Path.Combine(plugins, folder), folder, PluginCompiler.GoodChannelSource($"{folder}Channel", "x")
                .Replace("public string Name => \"x\";", "public string Name => Util.Value;"), libraries: util);
        }

        var loaded = ChannelPluginLoader.LoadAll(plugins);

        Assert.Equal("util_one", Only(loaded, "old").Implementations.Single().Name);
        Assert.Equal("util_two", Only(loaded, "new").Implementations.Single().Name);
    }

    [Fact]
    public void Disposing_the_host_releases_the_channels_it_created()
    {
        var released = Path.Combine(plugins, "released.txt");
        PluginCompiler.CompilePlugin(Path.Combine(plugins, "holder"), "holder", PluginCompiler.GoodChannelSource("HolderChannel", "holder")
            .Replace(": IChannel", ": IChannel, System.IDisposable")
            .Replace("public string Name =>", "public void Dispose() => System.IO.File.WriteAllText(configuration.Get(\"released\")!, \"yes\");\n    public string Name =>"));
        var host = ChannelHost.Load(plugins, [new("holder", new Dictionary<string, object?> { ["released"] = released })]);
        Assert.False(File.Exists(released));

        host.Dispose();

        Assert.Equal("yes", File.ReadAllText(released));
    }

    [Fact]
    public void A_plugin_dropped_straight_into_the_plugins_directory_is_told_to_move_into_a_folder()
    {
        GoodPlugin();
        PluginCompiler.CompilePlugin(plugins, "loose", PluginCompiler.GoodChannelSource("LooseChannel", "loose"));

        var loaded = ChannelPluginLoader.LoadAll(plugins);

        Assert.Equal("loose.dll lies directly in the plugins directory; each plugin needs a folder of its own: move it and its dependencies into loose/", Only(loaded, "loose").Problem);
        Assert.True(Only(loaded, "good").IsLoaded);
    }

    [Fact]
    public void A_missing_plugins_directory_loads_nothing_without_failing()
        => Assert.Empty(ChannelPluginLoader.LoadAll(Path.Combine(plugins, "does-not-exist")));
}
