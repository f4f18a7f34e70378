using CampaignEngine.Live.Tests.Support;

namespace CampaignEngine.Live.Tests;

/// <summary>The live commands as an operator runs them: real CLI processes, the real SMS plugin, a provider on 127.0.0.1.</summary>
public sealed class LiveCliTests
{
    private const string FastRetries = "    retry_first: 50ms\n    retry_longest: 100ms\n    max_attempts: 100";

    [Fact]
    public void A_provider_down_for_a_while_gets_everything_once_it_is_back()
    {
        using var provider = new IdempotentSmsProvider();
        using var shop = new LiveShop(provider.Url, FastRetries);
        provider.Answer = () => (503, "{\"Code\":\"isp.SYSTEM_ERROR\",\"Message\":\"down\"}");
        var (code, output) = shop.Run();
        Assert.True(code == 0, output);
        Assert.Empty(provider.Accepted);
        var waiting = shop.Statuses();
        Assert.True(waiting.GetValueOrDefault("failed") == 342, output);

        provider.Answer = () => null;
        Thread.Sleep(1500); // past the provider's Retry-After
        (code, output) = CampaignProcess.Run(shop.Root, LiveShop.Environment, "outbox", "--dispatch", "--state", shop.State, "--plugins", Repository.PluginsDirectory, "--config", Path.Combine(shop.Campaigns, "engine.yaml"));
        Assert.True(code == 0, output);
        Assert.Equal(new Dictionary<string, long> { ["sent"] = 342 }, shop.Statuses());
        Assert.Equal(342, provider.Accepted.Count);
        Assert.Equal(0, provider.Resends);
        Assert.All(shop.Query("SELECT attempts FROM outbox", r => r.GetInt64(0)), attempts => Assert.InRange(attempts, 2, 100));
    }

    [Fact]
    public void Garbage_from_the_provider_ends_dead_with_the_reason_and_an_operator_can_retry()
    {
        using var provider = new IdempotentSmsProvider();
        using var shop = new LiveShop(provider.Url, "    max_attempts: 2\n    retry_first: 50ms\n    retry_longest: 50ms");
        provider.Answer = () => (200, "<html>gateway error</html>");
        // The second attempt comes due while the run still dispatches: both fail, the messages are dead, exit 3.
        var (code, output) = shop.Run();
        Assert.True(code == 3, output);
        Assert.Contains("dead 342", output);
        Assert.Contains("gave up after 2 attempts", output);
        Assert.Empty(provider.Accepted);

        provider.Answer = () => null;
        (code, output) = CampaignProcess.Run(shop.Root, LiveShop.Environment, "outbox", "--retry-dead", "--dispatch", "--state", shop.State, "--config", Path.Combine(shop.Campaigns, "engine.yaml"), "--plugins", Repository.PluginsDirectory);
        Assert.True(code == 0, output);
        Assert.Equal(new Dictionary<string, long> { ["sent"] = 342 }, shop.Statuses());
        Assert.Equal(342, shop.Query("SELECT COUNT(*) FROM contacts", r => r.GetInt64(0)).Single());
    }

    [Fact]
    public void Running_again_for_the_same_moment_sends_nothing_twice()
    {
        using var provider = new IdempotentSmsProvider();
        using var shop = new LiveShop(provider.Url);
        Assert.Equal(0, shop.Run().ExitCode);
        var (code, output) = shop.Run();
        Assert.True(code == 0, output);
        // The evaluator sees the contacts of the first run; whatever it decides, nothing new reaches the outbox.
        Assert.Contains(" 0 new in the outbox", output);
        // 58 suppressed in the first run; all 400 in the second (the 342 by the contacts the first one recorded).
        Assert.Equal(58 + 400, shop.Query("SELECT COUNT(*) FROM run_log WHERE kind = 'suppressed'", r => r.GetInt64(0)).Single());
        Assert.Equal(342, provider.Requests);
    }

    [Fact]
    public void An_unusable_state_file_is_a_clear_error_and_exit_1()
    {
        using var provider = new IdempotentSmsProvider();
        using var shop = new LiveShop(provider.Url);
        var (code, output) = CampaignProcess.Run(shop.Root, LiveShop.Environment, "run", shop.Campaigns, "--data", LiveShop.Data, "--at", LiveShop.At, "--state", Path.Combine(shop.Root, "missing", "state.db"));
        Assert.Equal(1, code);
        Assert.Contains("the directory of the state file", output);
        Assert.DoesNotContain("   at ", output);
        File.WriteAllText(Path.Combine(shop.Root, "notes.db"), new string('x', 5000));
        (code, output) = CampaignProcess.Run(shop.Root, LiveShop.Environment, "outbox", "--state", Path.Combine(shop.Root, "notes.db"));
        Assert.Equal(1, code);
        Assert.Contains("is not a CampaignEngine state file", output);
        Assert.Equal(0, provider.Requests);
    }

    [Fact]
    public void Imported_and_replied_opt_outs_are_not_sent()
    {
        using var provider = new IdempotentSmsProvider();
        using var shop = new LiveShop(provider.Url);
        var customers = File.ReadLines(Path.Combine(LiveShop.Data, "customers.csv")).Skip(1).Select(l => l.Split(',')).Where(c => c[2].Length == 11 && c[^1].Length == 0).Take(3).ToList();
        var csv = Path.Combine(shop.Root, "optouts.csv");
        File.WriteAllText(csv, $"customer_id,channel\n{customers[0][0]},sms\n{customers[1][0]},fax!\n");
        var (code, output) = CampaignProcess.Run(shop.Root, LiveShop.Environment, "optout", "import", csv, "--state", shop.State);
        Assert.Equal(1, code);
        Assert.Contains("optouts.csv:3:", output);
        File.WriteAllText(csv, $"customer_id,channel\n{customers[0][0]},sms\n{customers[1][0]},all\n");
        (code, output) = CampaignProcess.Run(shop.Root, LiveShop.Environment, "optout", "import", csv, "--state", shop.State);
        Assert.True(code == 0, output);
        Assert.Contains("imported 2 new opt-out(s)", output);
        (code, output) = CampaignProcess.Run(shop.Root, LiveShop.Environment, "optout", "reply", "+86 " + customers[2][2], " 退订 ", "--state", shop.State);
        Assert.True(code == 0, output);
        (code, output) = CampaignProcess.Run(shop.Root, LiveShop.Environment, "optout", "reply", customers[2][2], "什么时候发货?", "--state", shop.State);
        Assert.Contains("not an opt-out keyword", output);

        (code, output) = shop.Run();
        Assert.True(code == 0, output);
        Assert.Equal(339, provider.Accepted.Count);
        var suppressed = shop.Query("SELECT idempotency_key FROM run_log WHERE detail LIKE 'opt_out/state%'", r => r.GetString(0));
        Assert.Equal(customers.Select(c => $"hello/everyone/{c[0]}/2026-03-03").Order(), suppressed.Order());
    }
}
