using CampaignEngine.Live.Tests.Support;
using CampaignEngine.Outbox;
using CampaignEngine.State;
using Microsoft.Data.Sqlite;

namespace CampaignEngine.Live.Tests;

public sealed class StateStoreTests
{
    private static readonly DateTimeOffset T0 = TempState.T0;

    [Fact]
    public void A_key_already_in_the_outbox_is_not_written_again()
    {
        using var state = new TempState();
        Assert.Equal(10, state.Store.Enqueue(TempState.Entries(10), T0));
        Assert.Equal(2, state.Store.Enqueue([.. TempState.Entries(12).Skip(8)], T0));
        Assert.Equal(12, state.Store.Counts().Pending);
    }

    [Fact]
    public void Migrations_run_once_and_the_file_is_wal_with_full_sync()
    {
        using var state = new TempState();
        state.Store.Enqueue(TempState.Entries(3), T0);
        state.Reopen();
        state.Reopen();
        Assert.Equal(3, state.Store.Counts().Pending);
        Assert.Equal([1L], state.Store.Query(c => Column(c, "SELECT version FROM schema_migrations")));
        Assert.Equal(["wal"], state.Store.Query(c => Column(c, "PRAGMA journal_mode")).Select(v => v.ToString()));
        Assert.Equal([2L], state.Store.Query(c => Column(c, "PRAGMA synchronous"))); // 2 = FULL
    }

    [Fact]
    public void Sent_records_the_contact_and_charges_the_budget_in_the_same_transaction()
    {
        using var state = new TempState();
        state.Store.Enqueue(TempState.Entries(2), T0);
        var claimed = state.Store.Claim(T0, 10);
        Assert.Equal(2, claimed.Count);
        Assert.All(claimed, m => Assert.Equal((OutboxStatus.InFlight, 1), (m.Status, m.Attempts)));
        Assert.Empty(state.Store.Claim(T0, 10));
        state.Store.MarkSent(claimed[0].Id, "biz-1", T0, new DateOnly(2026, 3, 3));
        Assert.True(state.Store.Contacts.Contains(claimed[0].Entry.IdempotencyKey));
        Assert.False(state.Store.Contacts.Contains(claimed[1].Entry.IdempotencyKey));
        Assert.Equal(5, state.Store.BudgetSpent("hello", new DateOnly(2026, 3, 3)));
        Assert.Single(state.Store.Contacts.ContactsOf("c1", T0.AddDays(-1), T0.AddDays(1)));
        // Marking it sent again (a second worker, a bug) changes nothing and charges nothing.
        state.Store.MarkSent(claimed[0].Id, "biz-1", T0, new DateOnly(2026, 3, 3));
        Assert.Equal(5, state.Store.BudgetSpent("hello", new DateOnly(2026, 3, 3)));
    }

    [Fact]
    public void In_flight_after_a_crash_is_pending_again_and_keeps_its_attempts()
    {
        using var state = new TempState();
        state.Store.Enqueue(TempState.Entries(3), T0);
        state.Store.Claim(T0, 2);
        state.Reopen(); // the process died with two in flight
        Assert.Equal(2, state.Store.RequeueInFlight(T0));
        var again = state.Store.Claim(T0, 10);
        Assert.Equal(3, again.Count);
        Assert.Equal([1, 2, 2], again.Select(m => m.Attempts).Order());
    }

    [Fact]
    public void Failed_waits_for_its_next_attempt_dead_can_be_retried_or_cancelled()
    {
        using var state = new TempState();
        state.Store.Enqueue(TempState.Entries(3), T0);
        var claimed = state.Store.Claim(T0, 10);
        state.Store.MarkFailed(claimed[0].Id, "503", T0.AddMinutes(1), T0);
        state.Store.MarkDead(claimed[1].Id, "rejected: bad number", T0);
        state.Store.MarkDead(claimed[2].Id, "rejected: bad number", T0);
        Assert.Empty(state.Store.Claim(T0.AddSeconds(59), 10));
        Assert.Equal(T0.AddMinutes(1), state.Store.NextDue());
        Assert.Single(state.Store.Claim(T0.AddMinutes(1), 10));
        Assert.Equal(new OutboxCounts(0, 1, 0, 2, 0, 0), state.Store.Counts());
        Assert.Equal("rejected: bad number", state.Store.List(OutboxStatus.Dead, 10)[0].LastError);
        Assert.True(state.Store.Cancel(claimed[1].Id, "operator", T0));
        Assert.Equal(1, state.Store.RetryDead(T0));
        Assert.Equal(0, state.Store.CancelDead("operator", T0));
        Assert.Equal(new OutboxCounts(1, 1, 0, 0, 0, 1), state.Store.Counts());
    }

    [Fact]
    public void Opt_outs_by_customer_or_phone_for_one_channel_or_all()
    {
        using var state = new TempState();
        state.Store.AddOptOuts([new ChannelOptOut("c1", "sms", T0, "test"), new ChannelOptOut("13800000002", ChannelOptOut.AllChannels, T0, "test")]);
        Assert.True(state.Store.IsOptedOut("c1", "x", "sms"));
        Assert.False(state.Store.IsOptedOut("c1", "x", "email"));
        Assert.True(state.Store.IsOptedOut("c2", "+86 138-0000-0002", "email"));
        Assert.False(state.Store.IsOptedOut("c3", "13800000003", "sms"));
    }

    [Fact]
    public void A_missing_folder_a_directory_and_a_file_that_is_no_database_are_clear_errors()
    {
        using var state = new TempState();
        Assert.Contains("does not exist", Assert.Throws<StateStoreException>(() => SqliteStateStore.Open(Path.Combine(state.Folder, "no", "state.db"))).Message);
        Assert.Contains("is a directory", Assert.Throws<StateStoreException>(() => SqliteStateStore.Open(state.Folder)).Message);
        var garbage = Path.Combine(state.Folder, "garbage.db");
        File.WriteAllText(garbage, new string('x', 8192));
        Assert.Contains("not a CampaignEngine state file", Assert.Throws<StateStoreException>(() => SqliteStateStore.Open(garbage)).Message);
    }

    [Fact]
    public void A_full_disk_fails_the_batch_cleanly_and_loses_nothing_committed()
    {
        using var state = new TempState();
        state.Store.Enqueue(TempState.Entries(5), T0);
        // SQLite's page limit stands in for a full disk: the same SQLITE_FULL error, without filling the machine's disk.
        state.Store.Query(c => Column(c, "PRAGMA max_page_count = " + state.Store.Query(d => Column(d, "PRAGMA page_count"))[0]));
        var big = Enumerable.Range(100, 2000).Select(i => TempState.Entry(i)).ToList();
        var error = Assert.Throws<StateStoreException>(() => state.Store.Enqueue(big, T0));
        Assert.Contains("disk holding state file", error.Message);
        state.Reopen();
        Assert.Equal(5, state.Store.Counts().Pending);
        Assert.Equal(["ok"], state.Store.Query(c => Column(c, "PRAGMA integrity_check")).Select(v => v.ToString()));
    }

    private static List<object> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<object>();
        while (reader.Read())
        {
            values.Add(reader.GetValue(0));
        }

        return values;
    }
}
