using Microsoft.Data.Sqlite;

namespace CampaignEngine.State;

/// <summary>
/// The state file's schema, one numbered step at a time. A step runs once, inside a transaction that also
/// records its number in <c>schema_migrations</c>, so opening a file again (or an older file) is safe:
/// only the missing steps run, and a crash in the middle of one leaves the file at the step before.
/// New steps are appended; a shipped step is never edited.
/// </summary>
internal static class StateMigrations
{
    private static readonly (int Version, string Name, string Sql)[] Steps =
    [
        (1, "outbox, contacts, opt-outs, tags, run log", """
            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                idempotency_key TEXT NOT NULL UNIQUE,
                campaign TEXT NOT NULL,
                rule TEXT NOT NULL,
                customer_id TEXT NOT NULL,
                occurrence TEXT NOT NULL,
                channel TEXT NOT NULL,
                template TEXT NOT NULL,
                address TEXT NOT NULL,
                text TEXT NOT NULL,
                subject TEXT,
                html TEXT,
                is_marketing INTEGER NOT NULL,
                vals TEXT,
                cost_fen INTEGER NOT NULL,
                quiet_from TEXT,
                quiet_until TEXT,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                decided_at TEXT NOT NULL,
                created_at TEXT NOT NULL,
                next_attempt_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                sent_at TEXT,
                provider_message_id TEXT,
                last_error TEXT
            );
            CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
            CREATE TABLE contacts (
                idempotency_key TEXT PRIMARY KEY,
                campaign TEXT NOT NULL,
                rule TEXT NOT NULL,
                customer_id TEXT NOT NULL,
                channel TEXT NOT NULL,
                at TEXT NOT NULL
            );
            CREATE INDEX contacts_customer ON contacts(customer_id, at);
            CREATE TABLE opt_outs (
                customer_id TEXT NOT NULL,
                channel TEXT NOT NULL,
                at TEXT NOT NULL,
                source TEXT NOT NULL,
                PRIMARY KEY (customer_id, channel)
            );
            CREATE TABLE customer_tags (
                customer_id TEXT NOT NULL,
                tag TEXT NOT NULL,
                value TEXT NOT NULL,
                set_by TEXT NOT NULL,
                at TEXT NOT NULL,
                PRIMARY KEY (customer_id, tag)
            );
            CREATE TABLE budget_charges (
                campaign TEXT NOT NULL,
                day TEXT NOT NULL,
                spent_fen INTEGER NOT NULL,
                PRIMARY KEY (campaign, day)
            );
            CREATE TABLE run_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                run_id TEXT NOT NULL,
                at TEXT NOT NULL,
                kind TEXT NOT NULL,
                idempotency_key TEXT,
                detail TEXT NOT NULL
            );
            CREATE INDEX run_log_run ON run_log(run_id);
            """),
    ];

    /// <summary>The newest schema this engine knows.</summary>
    public static int Latest => Steps[^1].Version;

    /// <summary>Applies the missing steps; returns the file's schema version, or throws for a file from a newer engine.</summary>
    public static int Apply(SqliteConnection connection)
    {
        Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        var current = Current(connection);
        if (current > Latest)
        {
            throw new StateStoreException($"the state file has schema version {current}, newer than this engine's {Latest}; run a newer campaign, or restore a backup");
        }

        foreach (var (version, name, sql) in Steps.Where(s => s.Version > current))
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, sql);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations(version, name, applied_at) VALUES ($v, $n, $at)";
            record.Parameters.AddWithValue("$v", version);
            record.Parameters.AddWithValue("$n", name);
            record.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
            record.ExecuteNonQuery();
            transaction.Commit();
        }

        return Current(connection);
    }

    private static int Current(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
