using CampaignEngine.Dispatch;

namespace CampaignEngine.Plugins.Tests;

/// <summary>Which plugins directory the engine uses, in order: option, engine.yaml, environment, source tree, install folder.</summary>
public sealed class PluginsDirectoryTests : IDisposable
{
    private readonly string root = PluginCompiler.NewPluginsDirectory();

    private string Under(params string[] parts) => Path.Combine([root, .. parts]);

    [Fact]
    public void The_option_wins_over_everything()
        => Assert.Equal(new PluginsDirectory(Under("opt"), "--plugins"),
            PluginsDirectory.Find("opt", "cfg", Under("engine.yaml"), Under("env"), root, Under("app")));

    [Fact]
    public void The_engine_config_value_is_relative_to_the_config_file()
        => Assert.Equal(new PluginsDirectory(Under("conf", "plugins"), $"plugins_dir in {Under("conf", "engine.yaml")}"),
            PluginsDirectory.Find(null, "plugins", Under("conf", "engine.yaml"), Under("env"), root, Under("app")));

    [Fact]
    public void The_environment_variable_comes_next()
        => Assert.Equal(new PluginsDirectory(Under("env"), "environment variable CAMPAIGN_PLUGINS"),
            PluginsDirectory.Find(null, null, null, Under("env"), root, Under("app")));

    [Fact]
    public void In_a_source_tree_the_nearest_artifacts_plugins_above_the_current_directory_is_used()
    {
        Directory.CreateDirectory(Under("artifacts", "plugins"));
        Directory.CreateDirectory(Under("campaigns", "daily"));

        Assert.Equal(new PluginsDirectory(Under("artifacts", "plugins"), "nearest artifacts/plugins above the current directory"),
            PluginsDirectory.Find(null, null, null, null, Under("campaigns", "daily"), Under("app")));
    }

    [Fact]
    public void Otherwise_the_plugins_folder_beside_the_engine()
        => Assert.Equal(new PluginsDirectory(Path.Combine("/", "opt", "campaign", "plugins"), "plugins folder beside the engine"),
            PluginsDirectory.Find(null, null, null, null, "/", Path.Combine("/", "opt", "campaign")));

    public void Dispose() => Directory.Delete(root, recursive: true);
}
