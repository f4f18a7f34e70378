using System.Diagnostics;
using CampaignEngine.Live.Tests.Support;
using Xunit.Abstractions;

namespace CampaignEngine.Live.Tests;

/// <summary>
/// The real CLI, the real SMS plugin, a real HTTP provider that honours idempotency keys: `campaign run` is
/// SIGKILLed at many points (while loading, while writing the outbox, in the middle of dispatch) and started
/// again each time. Whatever the kill interrupted, every decided send reaches the provider once.
/// CAMPAIGN_CRASH_SOAK=500 runs a longer soak by hand.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper log)
{
    [Fact]
    public void Killed_runs_lose_nothing_and_send_nothing_twice()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("CAMPAIGN_CRASH_SOAK"), out var soak) && soak > 0 ? soak : 50;
        using var provider = new IdempotentSmsProvider();
        // 40 messages a second spreads dispatch over seconds, so kills land between sends, not only before them.
        using var shop = new LiveShop(provider.Url, "    rate_per_second: 40\n    concurrency: 4\n    retry_first: 50ms\n    retry_longest: 200ms\n    max_attempts: 1000");
        var random = new Random(8);
        var killed = 0;
        var killedMidDispatch = 0;
        var watch = Stopwatch.StartNew();
        while (killed < kills)
        {
            using var child = CampaignProcess.Start(shop.Root, LiveShop.Environment, shop.RunArguments());
            var before = provider.Requests;
            var midDispatch = random.Next(4) != 0;
            if (midDispatch)
            {
                // Kill after a random number of requests reached the provider, a few ms later: mid-send, mid-commit.
                var target = before + random.Next(1, 8);
                var wait = Stopwatch.StartNew();
                while (provider.Requests < target && !child.HasExited && wait.Elapsed < TimeSpan.FromSeconds(30))
                {
                    Thread.Sleep(1);
                }

                Thread.Sleep(random.Next(0, 15));
            }
            else
            {
                // Kill anywhere in the first 1.5 s: start-up, loading, evaluation, the outbox transaction.
                child.WaitForExit(TimeSpan.FromMilliseconds(random.Next(50, 1500)));
            }

            if (child.HasExited)
            {
                Assert.True(child.ExitCode == 0, child.Output);
                if (Done(shop))
                {
                    // Everything went out before the planned kills were done: the shop is too small for this many.
                    log.WriteLine($"all delivered after {killed} kills");
                    break;
                }

                continue;
            }

            child.Kill();
            killed++;
            killedMidDispatch += midDispatch ? 1 : 0;
        }

        var (code, output) = shop.Run();
        Assert.True(code == 0, output);
        log.WriteLine($"{killed} kills ({killedMidDispatch} mid-dispatch) in {watch.Elapsed.TotalSeconds:0.0}s; {provider.Accepted.Count} delivered, {provider.Resends} re-sends deduplicated by key");
        AssertDelivered(shop, provider);
        Assert.True(killed == kills, $"only {killed} of {kills} kills happened before everything was delivered; use a bigger shop");
    }

    private static bool Done(LiveShop shop) => shop.Statuses() is var s && s.Count == 1 && s.ContainsKey("sent");

    private static void AssertDelivered(LiveShop shop, IdempotentSmsProvider provider)
    {
        // Every decided send: what a clean run on a fresh state file decides for the same moment.
        var fresh = Path.Combine(shop.Root, "fresh.db");
        var (code, output) = CampaignProcess.Run(shop.Root, LiveShop.Environment, "run", shop.Campaigns, "--data", LiveShop.Data, "--at", LiveShop.At, "--state", fresh, "--no-dispatch");
        Assert.True(code == 0, output);
        var decided = new LiveShopFile(fresh).Keys("SELECT idempotency_key FROM outbox");
        Assert.NotEmpty(decided);

        Assert.Equal(new Dictionary<string, long> { ["sent"] = decided.Count }, shop.Statuses());
        var sent = shop.Query("SELECT idempotency_key FROM outbox WHERE status = 'sent'", r => r.GetString(0)).ToHashSet();
        var contacts = shop.Query("SELECT idempotency_key FROM contacts", r => r.GetString(0)).ToList();
        Assert.Equal(decided.Order(), sent.Order());
        Assert.Equal(sent.Order(), contacts.Order());
        // The provider delivered each key once (its dictionary holds one acceptance per key) and nothing else.
        Assert.Equal(sent.Order(), provider.Accepted.Keys.Order());
        // The provider id recorded is the one of the (single) acceptance.
        var ids = shop.Query("SELECT idempotency_key, provider_message_id FROM outbox", r => (r.GetString(0), r.GetString(1)));
        Assert.All(ids, row => Assert.Equal(provider.Accepted[row.Item1], row.Item2));
    }

    private sealed class LiveShopFile(string path)
    {
        public HashSet<string> Keys(string sql)
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                keys.Add(reader.GetString(0));
            }

            return keys;
        }
    }
}
