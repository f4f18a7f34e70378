using System.Text.Json;
using CampaignEngine.Campaigns.Tests.Support;
using CampaignEngine.Cli;

namespace CampaignEngine.Campaigns.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CampaignCli.Run(args, output, error);
        return (exit, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString());
    }

    private void WriteBrokenFolder()
    {
        folder.Write("engine.yaml", "shop: {name: 小店}\n");
        folder.Write("a.yaml", """
            campaign: a
            schedule: daily 25:00
            channels: [sms]
            templates:
              hi:
                sms: "【{{ shop }}】{{ name }}您好"
            rules:
              - rule: r
                when: frequncy >= 2
                then: send hi
            """);
    }

    [Fact]
    public void The_shipped_campaigns_validate_cleanly()
    {
        var (exit, output, error) = Run("validate", Repository.Campaigns);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var shippedFiles = Directory.EnumerateFiles(Repository.Campaigns, "*.*", SearchOption.AllDirectories)
            .Count(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".rules", StringComparison.Ordinal));
        Assert.EndsWith($"0 errors, 0 warnings in {shippedFiles} files\n", output);
        Assert.Contains("info CE2064", output);
    }

    [Fact]
    public void Problems_are_printed_grouped_by_file_with_hints_and_a_count()
    {
        WriteBrokenFolder();
        var file = Path.Combine(folder.Path, "a.yaml");

        var (exit, output, _) = Run("validate", folder.Path, "--lang", "en");

        Assert.Equal(1, exit);
        var lines = output.Split('\n');
        Assert.Equal($"{file}:2:11: error CE2030: cannot read schedule 'daily 25:00': '25:00' is not a time of day written HH:mm (00:00–23:59)", lines[0]);
        Assert.StartsWith("    hint: Write `daily 10:00`", lines[1]);
        Assert.Contains($"{file}:6:11: warning CE2063: marketing SMS of 'hi' has no opt-out hint", output);
        Assert.Contains($"{file}:9:11: error CE0101: there is no fact called 'frequncy'", output);
        Assert.EndsWith("2 errors, 1 warning in 2 files\n", output);
    }

    [Fact]
    public void Chinese_output_is_available()
    {
        WriteBrokenFolder();

        var (exit, output, _) = Run("validate", folder.Path, "--lang", "zh");

        Assert.Equal(1, exit);
        Assert.Contains("无法识别计划 'daily 25:00'", output);
        Assert.Contains("    提示: ", output);
        Assert.EndsWith("2 个错误,1 个警告,共 2 个文件\n", output);
    }

    [Fact]
    public void Json_output_carries_every_diagnostic_with_its_position()
    {
        WriteBrokenFolder();

        var (exit, output, _) = Run("validate", folder.Path, "--json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal((2, 2, 1), (root.GetProperty("files").GetInt32(), root.GetProperty("errors").GetInt32(), root.GetProperty("warnings").GetInt32()));
        var schedule = root.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "CE2030");
        Assert.Equal((2, 11, "error"), (schedule.GetProperty("line").GetInt32(), schedule.GetProperty("column").GetInt32(), schedule.GetProperty("severity").GetString()));
        Assert.StartsWith("Write `daily 10:00`", schedule.GetProperty("hint").GetString());
        // Chinese stays readable in the JSON (the opt-out hint quotes 回T退订).
        Assert.Contains("回T退订", output);
    }

    [Fact]
    public void A_rule_given_on_the_command_line_is_checked()
    {
        var good = Run("validate", "--text", "rule vip when frequency >= 3 and monetary >= 500 then send vip_coupon via sms");
        var bad = Run("validate", "--text", "frequncy >= 3");

        Assert.Equal((0, "0 errors, 0 warnings in 0 files\n"), (good.Exit, good.Output));
        Assert.Equal(1, bad.Exit);
        Assert.StartsWith("--text:1:1: error CE0101: there is no fact called 'frequncy'", bad.Output);
    }

    [Fact]
    public void A_Chinese_expression_on_the_command_line_is_checked()
    {
        var (exit, output, _) = Run("validate", "--text", "购买次数 >= 3 且 消费金额 >= 500");

        Assert.Equal((0, "0 errors, 0 warnings in 0 files\n"), (exit, output));
    }

    [Fact]
    public void An_unknown_language_is_a_usage_error()
    {
        var (exit, _, error) = Run("validate", Repository.Campaigns, "--lang", "fr");

        Assert.Equal(2, exit);
        Assert.Contains("'fr'", error);
    }

    [Fact]
    public void A_missing_folder_is_an_input_error_without_a_stack_trace()
    {
        var (exit, output, error) = Run("validate", Path.Combine(folder.Path, "nope"));

        Assert.Equal(1, exit);
        Assert.Contains("error CE2091: directory", output);
        Assert.DoesNotContain("   at ", output + error);
    }
}
