using Microsoft.Data.Sqlite;

namespace CampaignEngine.Live.Tests.Support;

/// <summary>
/// A small shop for live runs in a temporary folder: sample data (400 customers, fixed seed), one campaign
/// that sends an SMS to every customer at 10:00 with no quiet hours (so the wall clock of the test machine
/// does not matter), and an engine.yaml whose SMS channel points at a provider on 127.0.0.1.
/// </summary>
internal sealed class LiveShop : IDisposable
{
    public const string At = "2026-03-03T10:00";

    private static readonly Lazy<string> SharedData = new(() =>
    {
        var directory = Path.Combine(Path.GetTempPath(), $"ce-live-data-{System.Environment.ProcessId}");
        foreach (var old in Directory.EnumerateDirectories(Path.GetTempPath(), "ce-live-data-*").Where(d => d != directory))
        {
            try
            {
                Directory.Delete(old, recursive: true);
            }
            catch (IOException)
            {
                // Another test run may be using it.
            }
        }

        var (code, output) = CampaignProcess.Run(Path.GetTempPath(), new Dictionary<string, string>(), "sample-data", "--customers", "400", "--seed", "8", "--out", directory);
        return code == 0 ? directory : throw new InvalidOperationException(output);
    });

    public LiveShop(Uri provider, string channelExtras = "")
    {
        Root = Directory.CreateTempSubdirectory("ce-live-").FullName;
        Directory.CreateDirectory(Campaigns);
        File.WriteAllText(Path.Combine(Campaigns, "engine.yaml"), $"""
            time_zone: Asia/Shanghai
            channels:
              sms:
                plugin: sms
                endpoint: {provider}
                access_key_env: CE_LIVE_SMS_KEY
                secret_env: CE_LIVE_SMS_SECRET
                sign_name: 小满生活馆
                price_fen: 5
                template_code: SMS_100001
                timeout: 5s
                circuit_minimum_calls: 1000
            {channelExtras}
            """);
        File.WriteAllText(Path.Combine(Campaigns, "hello.yaml"), """
            campaign: hello
            name: 问候
            schedule: daily 10:00
            audience: "true"
            channels: [sms]
            templates:
              hello:
                sms: "【小满生活馆】{{ name }}您好,感谢光临,回T退订"
            rules:
              - rule: everyone
                when: "true"
                then: send hello
            """);
    }

    public string Root { get; }

    public string Campaigns => Path.Combine(Root, "campaigns");

    public string State => Path.Combine(Root, "state.db");

    public static string Data => SharedData.Value;

    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["CE_LIVE_SMS_KEY"] = "test-key",
        ["CE_LIVE_SMS_SECRET"] = "test-secret",
    };

    public string[] RunArguments(params string[] extra) =>
        ["run", Campaigns, "--data", Data, "--at", At, "--state", State, "--plugins", Repository.PluginsDirectory, .. extra];

    public (int ExitCode, string Output) Run(params string[] extra) => CampaignProcess.Run(Root, Environment, RunArguments(extra));

    /// <summary>Outbox rows by status, read straight from the state file.</summary>
    public Dictionary<string, long> Statuses() => Query("SELECT status, COUNT(*) FROM outbox GROUP BY status", r => (r.GetString(0), r.GetInt64(1)))
        .ToDictionary(p => p.Item1, p => p.Item2);

    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = State, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
