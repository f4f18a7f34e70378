using CampaignEngine.Dispatch;

namespace CampaignEngine.Plugins.Tests;

/// <summary>Reading the <c>channels:</c> block: plugin choice, guard settings, secrets only by variable name.</summary>
public sealed class ChannelSettingsTests
{
    private static ChannelSettings Read(Dictionary<string, object?> settings) => Assert.Single(ChannelSettings.Read([new("sms", settings)]));

    [Fact]
    public void The_plugin_defaults_to_the_channel_name_and_guard_settings_to_their_defaults()
    {
        var settings = Read(new() { ["endpoint"] = "http://127.0.0.1:9/send" });

        Assert.Equal("sms", settings.Plugin);
        Assert.Equal(ChannelGuardOptions.Default, settings.Guard);
        Assert.Empty(settings.Problems);
    }

    [Fact]
    public void Guard_settings_are_read_from_durations_and_numbers()
    {
        var settings = Read(new()
        {
            ["plugin"] = "acme_sms", ["timeout"] = "1500ms", ["circuit_break"] = "2m", ["circuit_sampling"] = "10", ["circuit_minimum_calls"] = 8, ["circuit_failure_ratio"] = "0.25",
        });

        Assert.Equal("acme_sms", settings.Plugin);
        Assert.Equal(
            new ChannelGuardOptions { Timeout = TimeSpan.FromMilliseconds(1500), CircuitBreak = TimeSpan.FromMinutes(2), CircuitSampling = TimeSpan.FromSeconds(10), CircuitMinimumCalls = 8, CircuitFailureRatio = 0.25 },
            settings.Guard);
    }

    [Fact]
    public void Settings_already_flattened_to_text_by_the_engine_config_read_the_same()
    {
        IReadOnlyDictionary<string, string> flat = new SortedList<string, string> { ["plugin"] = "acme_sms", ["timeout"] = "5s" };

        var settings = Assert.Single(ChannelSettings.Read([new("sms", flat)]));

        Assert.Equal("acme_sms", settings.Plugin);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.Guard.Timeout);
    }

    [Fact]
    public void Bad_guard_settings_are_problems_that_say_how_to_write_them()
    {
        var settings = Read(new() { ["timeout"] = "soon", ["circuit_break"] = "100ms", ["circuit_minimum_calls"] = "1", ["circuit_failure_ratio"] = "2" });

        Assert.Equal(
            [
                "setting 'circuit_failure_ratio: 2' must be a number above 0 and at most 1, like 0.5",
                "setting 'circuit_minimum_calls: 1' must be a whole number of at least 2",
                "setting 'timeout: soon' is not a duration of at least 0.001s; write it like `10s`, `500ms` or `2m`",
                "setting 'circuit_break: 100ms' is not a duration of at least 0.5s; write it like `10s`, `500ms` or `2m`",
            ],
            settings.Problems);
    }

    [Fact]
    public void A_block_as_a_setting_value_is_a_problem()
        => Assert.Equal(["setting 'headers' must be a single value, not a list or a block"], Read(new() { ["headers"] = new Dictionary<string, object?> { ["a"] = "b" } }).Problems);

    [Theory]
    [InlineData("password")]
    [InlineData("app_secret")]
    [InlineData("access_token")]
    public void A_secret_in_the_clear_is_refused(string key)
        => Assert.Contains($"write `{key}_env: VARIABLE_NAME`", Assert.Single(Read(new() { [key] = "hunter2" }).Problems));

    [Theory]
    [InlineData("secret")]
    [InlineData("secret_env")]
    public void A_secret_is_read_from_the_variable_its_env_setting_names(string key)
    {
        var configuration = new ChannelConfiguration(Read(new() { ["secret_env"] = "SMS_SECRET" }), name => name == "SMS_SECRET" ? "s-9f8e7d" : null, new SecretRedactor());

        Assert.Equal("s-9f8e7d", configuration.GetSecret(key));
        Assert.Equal("SMS_SECRET", configuration.Get("secret_env"));
        Assert.Null(configuration.GetSecret("other"));
    }

    [Fact]
    public void A_secret_handed_to_the_plugin_is_masked_from_then_on()
    {
        var redactor = new SecretRedactor();
        var configuration = new ChannelConfiguration(Read(new() { ["token_env"] = "T" }), _ => "tok-abcdef", redactor);

        configuration.GetSecret("token");

        Assert.Equal("login failed for tok-*** with ***", redactor.Redact("login failed for tok-*** with tok-abcdef"));
    }
}
