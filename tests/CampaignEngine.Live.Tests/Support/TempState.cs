using CampaignEngine.Evaluation;
using CampaignEngine.Outbox;
using CampaignEngine.State;

namespace CampaignEngine.Live.Tests.Support;

/// <summary>A real SQLite state file in a temporary folder, and outbox entries to fill it with.</summary>
internal sealed class TempState : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 3, 10, 0, 0, TimeSpan.FromHours(8));

    public TempState()
    {
        Folder = Directory.CreateTempSubdirectory("ce-state-").FullName;
        Store = SqliteStateStore.Open(Path);
    }

    public string Folder { get; }

    public string Path => System.IO.Path.Combine(Folder, "state.db");

    public SqliteStateStore Store { get; private set; }

    public void Reopen()
    {
        Store.Dispose();
        Store = SqliteStateStore.Open(Path);
    }

    public static OutboxEntry Entry(int customer, string channel = "sms", DateTimeOffset? sendAt = null, string occurrence = "2026-03-03", Campaigns.Limits.QuietHours? quiet = null) => new(
        "hello", "everyone", $"c{customer}", occurrence, channel, "hello",
        new RenderedMessage($"1380000{customer:0000}", $"【小满】c{customer} 您好,回T退订", Values: new Dictionary<string, string> { ["name"] = $"c{customer}" }),
        5, T0, sendAt ?? T0, quiet);

    public static IReadOnlyList<OutboxEntry> Entries(int count, string channel = "sms") => [.. Enumerable.Range(1, count).Select(i => Entry(i, channel))];

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
