using CampaignEngine.Dispatch;
using CampaignEngine.Plugins.Sdk;
using CampaignEngine.Plugins.Testing;

namespace CampaignEngine.Plugins.Tests;

/// <summary>
/// <c>campaign plugins</c> on a plugins folder holding the sample third-party plugin, as an operator
/// would set it up: the folder copied in, engine.yaml naming it, the secret in an environment variable.
/// </summary>
public sealed class PluginsCommandTests : IDisposable
{
    private const string SecretVariable = "CE_PLUGINS_TEST_WEBHOOK_SECRET";
    private readonly string workspace = PluginCompiler.NewPluginsDirectory();
    private readonly LocalHttpProvider receiver = new();

    public PluginsCommandTests()
    {
        RepositoryLayout.CopyFolder(RepositoryLayout.SampleWebhookPlugin, Path.Combine(Plugins, "webhook"));
        Environment.SetEnvironmentVariable(SecretVariable, "whsec-from-the-environment");
        WriteConfig($"""
            # engine settings of other areas are ignored by the plugin tools
            timezone: Asia/Shanghai
            channels:
              crm:
                plugin: webhook
                url: {receiver.Url}hooks/campaign
                secret_env: {SecretVariable}
                cost_fen: 3
                timeout: 5s
            """);
    }

    private string Plugins => Path.Combine(workspace, "plugins");

    private string Config => Path.Combine(workspace, "engine.yaml");

    private void WriteConfig(string yaml) => File.WriteAllText(Config, yaml);

    [Fact]
    public void Lists_the_configured_sample_plugin_with_its_versions_and_exits_0()
    {
        var (exit, output, error) = CampaignCommand.Run("plugins", "--plugins", Plugins, "--config", Config);

        Assert.True(exit == 0, output + error);
        Assert.Contains($"plugins directory: {Plugins} (--plugins)", output);
        Assert.Matches(@"crm\s+webhook\s+webhook\s+WebhookChannel\.dll\s+1\.2\.0\s+1\.0\.0\s+configured\n", output.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("whsec-from-the-environment", output);
    }

    [Fact]
    public void A_broken_plugin_folder_is_listed_with_its_reason_the_others_still_load_and_the_exit_code_is_1()
    {
        Directory.CreateDirectory(Path.Combine(Plugins, "broken"));

        var (exit, output, _) = CampaignCommand.Run("plugins", "--plugins", Plugins, "--config", Config);

        Assert.Equal(1, exit);
        Assert.Matches(@"-\s+-\s+broken\s+-\s+-\s+-\s+load error\n\s+- no \.dll in this folder", output.ReplaceLineEndings("\n"));
        Assert.Contains("configured", output);
    }

    [Fact]
    public void A_channel_naming_an_unknown_plugin_is_a_configuration_problem_listing_the_loaded_ones()
    {
        WriteConfig("""
            channels:
              sms:
                plugin: acme_sms
            """);

        var (exit, output, _) = CampaignCommand.Run("plugins", "--plugins", Plugins, "--config", Config);

        Assert.Equal(1, exit);
        Assert.Contains("configuration problem", output);
        Assert.Contains("no plugin 'acme_sms'; loaded plugins: webhook (set `plugin:` to one of them)", output);
        Assert.Matches(@"-\s+webhook\s+webhook\s+WebhookChannel\.dll\s+1\.2\.0\s+1\.0\.0\s+loaded, not configured", output);
    }

    [Fact]
    public void A_secret_written_in_the_clear_is_refused_with_the_env_form_to_write()
    {
        WriteConfig($"""
            channels:
              crm:
                plugin: webhook
                url: {receiver.Url}
                app_secret: s3cr3t-in-the-file
            """);

        var (exit, output, _) = CampaignCommand.Run("plugins", "--plugins", Plugins, "--config", Config);

        Assert.Equal(1, exit);
        Assert.Contains("setting 'app_secret' looks like a secret written in the clear; put it in an environment variable and write `app_secret_env: VARIABLE_NAME`", output);
    }

    [Fact]
    public void An_unset_secret_variable_is_a_warning_that_fails_the_check()
    {
        WriteConfig($"""
            channels:
              crm:
                plugin: webhook
                url: {receiver.Url}
                secret_env: CE_PLUGINS_TEST_NEVER_SET
            """);

        var (exit, output, _) = CampaignCommand.Run("plugins", "--plugins", Plugins, "--config", Config);

        Assert.Equal(1, exit);
        Assert.Contains("configured, with warnings", output);
        Assert.Contains("environment variable CE_PLUGINS_TEST_NEVER_SET (named by 'secret_env') is not set", output);
    }

    [Fact]
    public void A_constructor_refusing_its_settings_shows_the_plugins_own_message()
    {
        WriteConfig("""
            channels:
              crm:
                plugin: webhook
                url: not-a-url
            """);

        var (exit, output, _) = CampaignCommand.Run("plugins", "--plugins", Plugins, "--config", Config);

        Assert.Equal(1, exit);
        Assert.Contains("WebhookChannel refused its configuration: setting 'url' must be an http(s) address", output);
    }

    [Fact]
    public void Broken_yaml_is_reported_with_file_line_and_column()
    {
        WriteConfig("channels:\n  crm: [unclosed\n");

        var (exit, _, error) = CampaignCommand.Run("plugins", "--plugins", Plugins, "--config", Config);

        Assert.Equal(1, exit);
        Assert.Matches($@"error: {System.Text.RegularExpressions.Regex.Escape(Config)}:\d+:\d+: not valid YAML", error);
    }

    [Fact]
    public void The_plugins_dir_of_the_engine_config_is_used_relative_to_the_config_file()
    {
        WriteConfig("plugins_dir: plugins\n");

        var (exit, output, _) = CampaignCommand.Run("plugins", "--config", Config);

        Assert.Equal(0, exit);
        Assert.Contains($"plugins directory: {Plugins} (plugins_dir in {Config})", output);
        Assert.Contains("loaded, not configured", output);
    }

    [Fact]
    public async Task The_loaded_sample_plugin_actually_sends_through_the_loader_and_the_guard()
    {
        var config = EngineChannelsFile.Read(Config);
        var host = ChannelHost.Load(Plugins, config.Channels);
        var crm = host.Channels["crm"];
        var message = new ChannelMessage("cycle-reminder/cycle_due/c-42/2026-11-23", "c-42", "vip-group", "【小店】您常买的连衣裙上新了，回T退订");

        Assert.True(crm.Check(message).IsOk);
        Assert.Equal(new CostEstimate(3), crm.EstimateCost(message).Cost);
        var outcome = await crm.SendAsync(message, CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted("msg-1"), outcome);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("/hooks/campaign", request.PathAndQuery);
        Assert.Equal(message.IdempotencyKey, request.Header("Idempotency-Key"));
        Assert.StartsWith("sha256=", request.Header("X-Signature"));
        Assert.Equal(ContactKind.Group, crm.Reaches);
        Assert.Equal("webhook", crm.PluginChannelName);
    }

    public void Dispose()
    {
        receiver.Dispose();
        Directory.Delete(workspace, recursive: true);
    }
}
