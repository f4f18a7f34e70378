using CampaignEngine.Dispatch;

namespace CampaignEngine.Plugins.Tests;

/// <summary>The plugin tools' small reader of engine.yaml: only <c>plugins_dir</c> and <c>channels</c>.</summary>
public sealed class EngineChannelsFileTests : IDisposable
{
    private readonly string file = Path.Combine(PluginCompiler.NewPluginsDirectory(), "engine.yaml");

    private EngineChannelsFile Read(string yaml)
    {
        File.WriteAllText(file, yaml);
        return EngineChannelsFile.Read(file);
    }

    [Fact]
    public void Reads_the_plugins_dir_and_each_channels_settings_ignoring_other_keys()
    {
        var config = Read("""
            timezone: Asia/Shanghai
            plugins_dir: /opt/campaign/plugins
            channels:
              sms:
                plugin: sms
                sign_name: 小店
                timeout: 10s
              email:
            """);

        Assert.Empty(config.Problems);
        Assert.Equal("/opt/campaign/plugins", config.PluginsDirectory);
        Assert.Equal(["sms", "email"], config.Channels.Select(c => c.Key));
        var sms = ChannelSettings.Read(config.Channels)[0];
        Assert.Equal("小店", sms.Values["sign_name"]);
        Assert.Equal(TimeSpan.FromSeconds(10), sms.Guard.Timeout);
    }

    [Fact]
    public void A_channel_that_is_not_a_block_is_reported_at_its_line()
        => Assert.Equal([$"{file}:3:8: channel 'sms' needs a block of settings, like `plugin: sms` on the next line, indented"],
            Read("plugins_dir: x\nchannels:\n  sms: [a, b]\n").Problems);

    [Fact]
    public void A_channels_list_instead_of_a_mapping_is_reported_at_its_line()
        => Assert.StartsWith($"{file}:2:3: channels must map channel names to their settings",
            Assert.Single(Read("channels:\n  - sms\n").Problems));

    [Fact]
    public void A_missing_file_is_a_problem_not_an_exception()
        => Assert.Equal([$"{file}.missing: file not found"], EngineChannelsFile.Read(file + ".missing").Problems);

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
}
