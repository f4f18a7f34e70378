using System.Globalization;
using System.Text.Json;
using CampaignEngine.Campaigns.Limits;
using CampaignEngine.Evaluation;
using CampaignEngine.Outbox;
using Microsoft.Data.Sqlite;

namespace CampaignEngine.State;

/// <summary>
/// The state in one SQLite file, in WAL mode with <c>synchronous=FULL</c>: a transaction that returned is on
/// disk, and a power cut loses at most the transaction in progress. One connection, used under a lock —
/// SQLite has one writer anyway, and batching (one transaction per <see cref="Enqueue"/> or
/// <see cref="Claim"/>) is what makes it fast, not parallel connections.
/// </summary>
internal sealed class SqliteStateStore : IStateStore
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private readonly SqliteConnection connection;
    private readonly Lock gate = new();

    private SqliteStateStore(SqliteConnection connection, string path)
    {
        this.connection = connection;
        Path = path;
        Contacts = new SqliteContactHistory(this);
    }

    public string Path { get; }

    public IContactHistory Contacts { get; }

    /// <summary>Opens (or creates) the state file and brings its schema up to date; errors a user can cause are a <see cref="StateStoreException"/>.</summary>
    public static SqliteStateStore Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full)!;
        if (Directory.Exists(full))
        {
            throw new StateStoreException($"state file {full} is a directory; pass a file path with --state");
        }

        if (!Directory.Exists(directory))
        {
            throw new StateStoreException($"the directory of the state file {full} does not exist; create it or pass another --state");
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 30 };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Pragma(connection, "PRAGMA busy_timeout = 10000");
            var mode = Scalar(connection, "PRAGMA journal_mode = WAL");
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new StateStoreException($"state file {full} cannot use write-ahead logging (journal mode is '{mode}'); is the directory writable and on a local disk?");
            }

            // FULL: the WAL is synced at every commit, so a committed transaction survives a power cut too (NORMAL would only survive a crash).
            Pragma(connection, "PRAGMA synchronous = FULL");
            StateMigrations.Apply(connection);
            // A read-only file opens (SQLite falls back to reading) and only fails at the first write: fail now instead.
            Pragma(connection, "BEGIN IMMEDIATE; UPDATE schema_migrations SET version = version WHERE 0; COMMIT");
            return new SqliteStateStore(connection, full);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Explain(e, full);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Turns SQLite's error codes into what the operator can do about them.</summary>
    internal static StateStoreException Explain(SqliteException e, string path) => e.SqliteErrorCode switch
    {
        8 => new StateStoreException($"state file {path} is read-only (or its directory is): the engine must write it; fix the permissions or pass another --state", e),
        13 => new StateStoreException($"the disk holding state file {path} is full: free space and run again (nothing was lost; the last batch was not written)", e),
        14 => new StateStoreException($"cannot open state file {path}: check that its directory exists and is writable", e),
        26 => new StateStoreException($"{path} is not a CampaignEngine state file (not an SQLite database); pass another --state", e),
        11 => new StateStoreException($"state file {path} is corrupt; restore the latest backup (see docs/operations.md)", e),
        5 or 6 => new StateStoreException($"state file {path} is locked by another process for too long; is another `campaign run`/`serve` using it?", e),
        _ => new StateStoreException($"state file {path}: {e.Message}", e),
    };

    public int Enqueue(IReadOnlyList<OutboxEntry> entries, DateTimeOffset now)
    {
        return Write(transaction =>
        {
            using var command = Command(transaction, """
                INSERT OR IGNORE INTO outbox (idempotency_key, campaign, rule, customer_id, occurrence, channel, template,
                    address, text, subject, html, is_marketing, vals, cost_fen, quiet_from, quiet_until,
                    status, attempts, decided_at, created_at, next_attempt_at, updated_at)
                VALUES ($key, $campaign, $rule, $customer, $occurrence, $channel, $template,
                    $address, $text, $subject, $html, $marketing, $vals, $cost, $quietFrom, $quietUntil,
                    'pending', 0, $decided, $now, $sendAt, $now)
                """);
            var p = command.Parameters;
            string[] names = ["$key", "$campaign", "$rule", "$customer", "$occurrence", "$channel", "$template", "$address", "$text",
                "$subject", "$html", "$marketing", "$vals", "$cost", "$quietFrom", "$quietUntil", "$decided", "$now", "$sendAt"];
            foreach (var name in names)
            {
                p.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
            var inserted = 0;
            foreach (var entry in entries)
            {
                var m = entry.Message;
                p["$key"].Value = entry.IdempotencyKey;
                p["$campaign"].Value = entry.Campaign;
                p["$rule"].Value = entry.Rule;
                p["$customer"].Value = entry.CustomerId;
                p["$occurrence"].Value = entry.Occurrence;
                p["$channel"].Value = entry.Channel;
                p["$template"].Value = entry.Template;
                p["$address"].Value = m.Address;
                p["$text"].Value = m.Text;
                p["$subject"].Value = (object?)m.Subject ?? DBNull.Value;
                p["$html"].Value = (object?)m.Html ?? DBNull.Value;
                p["$marketing"].Value = m.IsMarketing ? 1 : 0;
                p["$vals"].Value = m.Values is null ? DBNull.Value : JsonSerializer.Serialize(m.Values);
                p["$cost"].Value = entry.CostFen;
                p["$quietFrom"].Value = entry.Quiet is null ? DBNull.Value : entry.Quiet.From.ToString("HH:mm", CultureInfo.InvariantCulture);
                p["$quietUntil"].Value = entry.Quiet is null ? DBNull.Value : entry.Quiet.Until.ToString("HH:mm", CultureInfo.InvariantCulture);
                p["$decided"].Value = Time(entry.DecidedAt);
                p["$now"].Value = Time(now);
                p["$sendAt"].Value = Time(entry.SendAt);
                inserted += command.ExecuteNonQuery();
            }

            return inserted;
        });
    }

    public int RequeueInFlight(DateTimeOffset now) => Write(transaction =>
    {
        using var command = Command(transaction, "UPDATE outbox SET status = 'pending', updated_at = $now, last_error = 'outcome unknown (the engine stopped while sending); re-sent with the same key' WHERE status = 'in_flight'");
        command.Parameters.AddWithValue("$now", Time(now));
        return command.ExecuteNonQuery();
    });

    public IReadOnlyList<OutboxMessage> Claim(DateTimeOffset now, int limit) => Write(transaction =>
    {
        using var command = Command(transaction, """
            UPDATE outbox SET status = 'in_flight', attempts = attempts + 1, updated_at = $now
            WHERE id IN (SELECT id FROM outbox WHERE status IN ('pending', 'failed') AND next_attempt_at <= $now
                         ORDER BY next_attempt_at, id LIMIT $limit)
            RETURNING *
            """);
        command.Parameters.AddWithValue("$now", Time(now));
        command.Parameters.AddWithValue("$limit", limit);
        return ReadMessages(command).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).ToList();
    });

    public void Defer(long id, DateTimeOffset until, string why, DateTimeOffset now) => Update(
        "UPDATE outbox SET status = 'pending', attempts = attempts - 1, next_attempt_at = $at, updated_at = $now, last_error = $why WHERE id = $id AND status = 'in_flight'",
        id, now, ("$at", Time(until)), ("$why", why));

    public void MarkSent(long id, string providerMessageId, DateTimeOffset now, DateOnly budgetDay) => Complete([new SentOutcome(id, providerMessageId, now, budgetDay)]);

    public void MarkFailed(long id, string reason, DateTimeOffset nextAttemptAt, DateTimeOffset now) => Complete([new FailedOutcome(id, reason, nextAttemptAt, now)]);

    public void MarkDead(long id, string reason, DateTimeOffset now) => Complete([new DeadOutcome(id, reason, now)]);

    public void Complete(IReadOnlyList<OutboxOutcome> outcomes) => Write(transaction =>
    {
        foreach (var outcome in outcomes)
        {
            switch (outcome)
            {
                case SentOutcome sent:
                    Sent(transaction, sent);
                    break;
                case FailedOutcome failed:
                    Update(transaction, "UPDATE outbox SET status = 'failed', next_attempt_at = $at, updated_at = $now, last_error = $why WHERE id = $id AND status = 'in_flight'",
                        failed.Id, failed.At, ("$at", Time(failed.NextAttemptAt)), ("$why", failed.Reason));
                    break;
                case DeadOutcome dead:
                    Update(transaction, "UPDATE outbox SET status = 'dead', updated_at = $now, last_error = $why WHERE id = $id AND status = 'in_flight'",
                        dead.Id, dead.At, ("$why", dead.Reason));
                    break;
            }
        }

        return outcomes.Count;
    });

    /// <summary>Sent, the contact and the budget charge: one unit, so the history never disagrees with the outbox.</summary>
    private void Sent(SqliteTransaction transaction, SentOutcome sent)
    {
        using (var command = Command(transaction, """
            UPDATE outbox SET status = 'sent', sent_at = $now, updated_at = $now, provider_message_id = $pid, last_error = NULL
            WHERE id = $id AND status = 'in_flight'
            """))
        {
            command.Parameters.AddWithValue("$id", sent.Id);
            command.Parameters.AddWithValue("$now", Time(sent.At));
            command.Parameters.AddWithValue("$pid", sent.ProviderMessageId);
            if (command.ExecuteNonQuery() == 0)
            {
                return;
            }
        }

        using (var contact = Command(transaction, """
            INSERT OR IGNORE INTO contacts (idempotency_key, campaign, rule, customer_id, channel, at)
            SELECT idempotency_key, campaign, rule, customer_id, channel, $now FROM outbox WHERE id = $id
            """))
        {
            contact.Parameters.AddWithValue("$id", sent.Id);
            contact.Parameters.AddWithValue("$now", Time(sent.At));
            contact.ExecuteNonQuery();
        }

        using var charge = Command(transaction, """
            INSERT INTO budget_charges (campaign, day, spent_fen) SELECT campaign, $day, cost_fen FROM outbox WHERE id = $id
            ON CONFLICT (campaign, day) DO UPDATE SET spent_fen = spent_fen + excluded.spent_fen
            """);
        charge.Parameters.AddWithValue("$id", sent.Id);
        charge.Parameters.AddWithValue("$day", sent.BudgetDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        charge.ExecuteNonQuery();
    }

    public bool Cancel(long id, string reason, DateTimeOffset now) => Update(
        "UPDATE outbox SET status = 'cancelled', updated_at = $now, last_error = $why WHERE id = $id AND status IN ('pending', 'failed', 'dead', 'in_flight')",
        id, now, ("$why", reason)) > 0;

    public int CancelDead(string reason, DateTimeOffset now) => Write(transaction =>
    {
        using var command = Command(transaction, "UPDATE outbox SET status = 'cancelled', updated_at = $now, last_error = $why WHERE status = 'dead'");
        command.Parameters.AddWithValue("$now", Time(now));
        command.Parameters.AddWithValue("$why", reason);
        return command.ExecuteNonQuery();
    });

    public int RetryDead(DateTimeOffset now) => Write(transaction =>
    {
        using var command = Command(transaction, "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = $now, updated_at = $now WHERE status = 'dead'");
        command.Parameters.AddWithValue("$now", Time(now));
        return command.ExecuteNonQuery();
    });

    public OutboxCounts Counts() => Read(() =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, COUNT(*) FROM outbox GROUP BY status";
        var counts = new Dictionary<string, long>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        long Of(string status) => counts.GetValueOrDefault(status);
        return new OutboxCounts(Of("pending"), Of("in_flight"), Of("failed"), Of("dead"), Of("sent"), Of("cancelled"));
    });

    public IReadOnlyList<OutboxMessage> List(OutboxStatus status, int limit) => Read(() =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM outbox WHERE status = $status ORDER BY id LIMIT $limit";
        command.Parameters.AddWithValue("$status", status.ToText());
        command.Parameters.AddWithValue("$limit", limit);
        return ReadMessages(command);
    });

    public DateTimeOffset? NextDue() => Read(() =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(next_attempt_at) FROM outbox WHERE status IN ('pending', 'failed')";
        return command.ExecuteScalar() is string text ? ParseTime(text) : (DateTimeOffset?)null;
    });

    public bool IsOptedOut(string customerId, string address, string channel) => Read(() =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM opt_outs WHERE customer_id IN ($c, $a) AND (channel = $ch OR channel = 'all') LIMIT 1";
        command.Parameters.AddWithValue("$c", customerId);
        command.Parameters.AddWithValue("$a", SmsReplyOptOut.NormalizePhone(address));
        command.Parameters.AddWithValue("$ch", channel);
        return command.ExecuteScalar() is not null;
    });

    public int AddOptOuts(IEnumerable<ChannelOptOut> optOuts) => Write(transaction =>
    {
        using var command = Command(transaction, "INSERT OR IGNORE INTO opt_outs (customer_id, channel, at, source) VALUES ($c, $ch, $at, $src)");
        var added = 0;
        foreach (var optOut in optOuts)
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$c", optOut.CustomerId);
            command.Parameters.AddWithValue("$ch", optOut.Channel);
            command.Parameters.AddWithValue("$at", Time(optOut.At));
            command.Parameters.AddWithValue("$src", optOut.Source);
            added += command.ExecuteNonQuery();
        }

        return added;
    });

    public void SetTag(string customerId, string tag, string value, string setBy, DateTimeOffset at) => Write(transaction =>
    {
        using var command = Command(transaction, """
            INSERT INTO customer_tags (customer_id, tag, value, set_by, at) VALUES ($c, $t, $v, $by, $at)
            ON CONFLICT (customer_id, tag) DO UPDATE SET value = excluded.value, set_by = excluded.set_by, at = excluded.at
            """);
        command.Parameters.AddWithValue("$c", customerId);
        command.Parameters.AddWithValue("$t", tag);
        command.Parameters.AddWithValue("$v", value);
        command.Parameters.AddWithValue("$by", setBy);
        command.Parameters.AddWithValue("$at", Time(at));
        return command.ExecuteNonQuery();
    });

    public IReadOnlyDictionary<string, string> TagsOf(string customerId) => Read(() =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT tag, value FROM customer_tags WHERE customer_id = $c";
        command.Parameters.AddWithValue("$c", customerId);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            tags[reader.GetString(0)] = reader.GetString(1);
        }

        return (IReadOnlyDictionary<string, string>)tags;
    });

    public long BudgetSpent(string campaign, DateOnly day) => Read(() =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT spent_fen FROM budget_charges WHERE campaign = $c AND day = $d";
        command.Parameters.AddWithValue("$c", campaign);
        command.Parameters.AddWithValue("$d", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return command.ExecuteScalar() is long spent ? spent : 0L;
    });

    public void Log(IReadOnlyList<RunLogEntry> entries) => Write(transaction =>
    {
        using var command = Command(transaction, "INSERT INTO run_log (run_id, at, kind, idempotency_key, detail) VALUES ($r, $at, $k, $key, $d)");
        foreach (var entry in entries)
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$r", entry.RunId);
            command.Parameters.AddWithValue("$at", Time(entry.At));
            command.Parameters.AddWithValue("$k", entry.Kind);
            command.Parameters.AddWithValue("$key", (object?)entry.IdempotencyKey ?? DBNull.Value);
            command.Parameters.AddWithValue("$d", entry.Detail);
            command.ExecuteNonQuery();
        }

        return entries.Count;
    });

    internal bool RecordContact(Contact contact) => Write(transaction =>
    {
        using var command = Command(transaction, "INSERT OR IGNORE INTO contacts (idempotency_key, campaign, rule, customer_id, channel, at) VALUES ($k, $c, $r, $cu, $ch, $at)");
        command.Parameters.AddWithValue("$k", contact.IdempotencyKey);
        command.Parameters.AddWithValue("$c", contact.Campaign);
        command.Parameters.AddWithValue("$r", contact.Rule);
        command.Parameters.AddWithValue("$cu", contact.CustomerId);
        command.Parameters.AddWithValue("$ch", contact.Channel);
        command.Parameters.AddWithValue("$at", Time(contact.At));
        return command.ExecuteNonQuery();
    }) > 0;

    internal bool ContainsContact(string idempotencyKey) => Read(() =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM contacts WHERE idempotency_key = $k";
        command.Parameters.AddWithValue("$k", idempotencyKey);
        return command.ExecuteScalar() is not null;
    });

    internal IReadOnlyList<Contact> ContactsOf(string customerId, DateTimeOffset from, DateTimeOffset before) => ReadContacts(
        "SELECT campaign, rule, customer_id, channel, at, idempotency_key FROM contacts WHERE customer_id = $c AND at >= $from AND at < $before ORDER BY at",
        ("$c", customerId), ("$from", Time(from)), ("$before", Time(before)));

    internal IReadOnlyList<Contact> ContactsSince(DateTimeOffset from) => ReadContacts(
        "SELECT campaign, rule, customer_id, channel, at, idempotency_key FROM contacts WHERE at >= $from", ("$from", Time(from)));

    private IReadOnlyList<Contact> ReadContacts(string sql, params (string Name, string Value)[] parameters) => Read(() =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var contacts = new List<Contact>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            contacts.Add(new Contact(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), ParseTime(reader.GetString(4)), reader.GetString(5)));
        }

        return (IReadOnlyList<Contact>)contacts;
    });

    /// <summary>For tests and diagnostics: a query on the state file under the store's lock.</summary>
    internal T Query<T>(Func<SqliteConnection, T> query) => Read(() => query(connection));

    public void Dispose()
    {
        lock (gate)
        {
            connection.Dispose();
        }
    }

    internal static string Time(DateTimeOffset moment) => moment.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private int Update(string sql, long id, DateTimeOffset now, params (string Name, object Value)[] values) =>
        Write(transaction => Update(transaction, sql, id, now, values));

    private int Update(SqliteTransaction transaction, string sql, long id, DateTimeOffset now, params (string Name, object Value)[] values)
    {
        using var command = Command(transaction, sql);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$now", Time(now));
        foreach (var (name, value) in values)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteNonQuery();
    }

    private T Write<T>(Func<SqliteTransaction, T> work)
    {
        lock (gate)
        {
            try
            {
                using var transaction = connection.BeginTransaction();
                var result = work(transaction);
                transaction.Commit();
                return result;
            }
            catch (SqliteException e)
            {
                throw Explain(e, Path);
            }
        }
    }

    private T Read<T>(Func<T> work)
    {
        lock (gate)
        {
            try
            {
                return work();
            }
            catch (SqliteException e)
            {
                throw Explain(e, Path);
            }
        }
    }

    private SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static List<OutboxMessage> ReadMessages(SqliteCommand command)
    {
        var messages = new List<OutboxMessage>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string? Text(string column) => reader.IsDBNull(reader.GetOrdinal(column)) ? null : reader.GetString(reader.GetOrdinal(column));
            string Required(string column) => reader.GetString(reader.GetOrdinal(column));
            var values = Text("vals") is { } json ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) : null;
            var message = new RenderedMessage(Required("address"), Required("text"), Text("subject"), Text("html"),
                reader.GetInt64(reader.GetOrdinal("is_marketing")) != 0, values);
            var quiet = Text("quiet_from") is { } from && Text("quiet_until") is { } until
                ? new QuietHours(TimeOnly.ParseExact(from, "HH:mm", CultureInfo.InvariantCulture), TimeOnly.ParseExact(until, "HH:mm", CultureInfo.InvariantCulture), $"{from}-{until}")
                : null;
            var entry = new OutboxEntry(Required("campaign"), Required("rule"), Required("customer_id"), Required("occurrence"), Required("channel"),
                Required("template"), message, reader.GetInt64(reader.GetOrdinal("cost_fen")), ParseTime(Required("decided_at")),
                ParseTime(Required("next_attempt_at")), quiet);
            messages.Add(new OutboxMessage(
                reader.GetInt64(reader.GetOrdinal("id")),
                entry,
                OutboxStatusText.Parse(Required("status")),
                (int)reader.GetInt64(reader.GetOrdinal("attempts")),
                ParseTime(Required("next_attempt_at")),
                ParseTime(Required("updated_at")),
                Text("sent_at") is { } sent ? ParseTime(sent) : null,
                Text("provider_message_id"),
                Text("last_error")));
        }

        return messages;
    }

    private static void Pragma(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }
}
