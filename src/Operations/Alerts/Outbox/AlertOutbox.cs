using System.Globalization;
using Microsoft.Data.Sqlite;
using TradingBot.Operations.Secrets;

namespace TradingBot.Operations.Alerts.Outbox;

/// <summary>
/// Durable, ordered, deduplicated queue of alerts in a SQLite file (table <c>alert_outbox</c>).
/// Enqueueing is a local insert (no network), so it never blocks trading; <see cref="Delivery.DiscordAlertDeliverer"/>
/// drains it in insertion order on its own task. Alert text is scrubbed of secrets before it is stored.
/// </summary>
/// <remarks>
/// SQLite only auto-increments an <c>INTEGER PRIMARY KEY</c>, so the order column <c>seq</c> is the primary key and
/// the deduplication key <c>id</c> is <c>UNIQUE</c>; inserts use <c>INSERT OR IGNORE</c>, so a duplicate id is a no-op.
/// </remarks>
public sealed class AlertOutbox
{
    internal const string Table = "alert_outbox";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS alert_outbox (
            seq              INTEGER PRIMARY KEY AUTOINCREMENT,
            id               TEXT    NOT NULL UNIQUE,
            kind             TEXT    NOT NULL,
            severity         TEXT    NOT NULL,
            text             TEXT    NOT NULL,
            created_ms       INTEGER NOT NULL,
            attempts         INTEGER NOT NULL DEFAULT 0,
            failures         INTEGER NOT NULL DEFAULT 0,
            next_attempt_ms  INTEGER NULL,
            delivered_ms     INTEGER NULL,
            delivery         TEXT    NULL,
            last_error       TEXT    NULL
        );
        CREATE INDEX IF NOT EXISTS ix_alert_outbox_pending ON alert_outbox(seq) WHERE delivered_ms IS NULL;
        """;

    private const string Columns =
        "seq, id, kind, severity, text, created_ms, attempts, failures, next_attempt_ms, delivered_ms, delivery, last_error";

    private readonly SecretRedactor _redactor;
    private readonly string _fullPath;

    /// <summary>Opens (and creates when missing) the outbox in <paramref name="databasePath"/>.</summary>
    /// <exception cref="InvalidOperationException">The file cannot be created or is not a SQLite database.</exception>
    public AlertOutbox(string databasePath, SecretRedactor? redactor = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        SqliteBootstrap.EnsureInitialized();
        _fullPath = Path.GetFullPath(databasePath);
        _redactor = redactor ?? SecretRedactor.Empty;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 30,
        }.ToString();

        try
        {
            var directory = Path.GetDirectoryName(_fullPath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            using var connection = OpenConnection();
            using (var wal = connection.CreateCommand())
            {
                // WAL lets the deliverer read while grains insert; it persists in the file.
                wal.CommandText = "PRAGMA journal_mode=WAL;";
                wal.ExecuteNonQuery();
            }

            EnsureSchema(connection, transaction: null);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Alert outbox database '{_fullPath}' cannot be opened: {e.Message}", e);
        }
    }

    /// <summary>The connection string of the outbox file; open your own connection with it to enqueue inside your transaction.</summary>
    public string ConnectionString { get; }

    /// <summary>Full path of the SQLite file.</summary>
    public string DatabasePath => _fullPath;

    internal WakeSignal Enqueued { get; } = new();

    /// <summary>Creates the outbox table in a database you own (idempotent); run it once before enqueueing there.</summary>
    public static void EnsureSchema(SqliteConnection connection, SqliteTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(connection);
        SqliteBootstrap.EnsureInitialized();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }

    /// <summary>Opens a new connection to the outbox file (caller disposes it).</summary>
    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Stores the alert in its own short transaction. Returns false when an alert with the same id exists.</summary>
    public bool Enqueue(Alert alert)
    {
        using var connection = OpenConnection();
        return Enqueue(connection, transaction: null, alert);
    }

    /// <summary>
    /// Stores the alert on the caller's connection and inside the caller's transaction, so that the alert is
    /// committed or rolled back together with the state change that caused it. The connection must be open on
    /// this outbox's database file. Returns false when an alert with the same id exists (visible to that transaction).
    /// </summary>
    /// <exception cref="ArgumentException">The connection is not open on <see cref="DatabasePath"/>.</exception>
    public bool Enqueue(SqliteConnection connection, SqliteTransaction? transaction, Alert alert)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentException.ThrowIfNullOrWhiteSpace(alert.Id);
        RequireSameDatabase(connection);

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT OR IGNORE INTO {Table} (id, kind, severity, text, created_ms)
            VALUES ($id, $kind, $severity, $text, $created);
            """;
        command.Parameters.AddWithValue("$id", alert.Id);
        command.Parameters.AddWithValue("$kind", alert.Kind.ToString());
        command.Parameters.AddWithValue("$severity", alert.Severity.ToString());
        command.Parameters.AddWithValue("$text", _redactor.Redact(alert.Text));
        command.Parameters.AddWithValue("$created", alert.CreatedUtc.ToUnixTimeMilliseconds());
        var inserted = command.ExecuteNonQuery() == 1;

        // Inside an uncommitted transaction the deliverer cannot see the row yet; it polls as a fallback.
        Enqueued.Set();
        return inserted;
    }

    /// <summary>The oldest undelivered alert (the head that blocks all later ones), or null when none.</summary>
    public OutboxEntry? PeekHead()
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM {Table} WHERE delivered_ms IS NULL ORDER BY seq LIMIT 1;";
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadEntry(reader) : null;
    }

    /// <summary>All alerts in order, newest last (tests and diagnostics).</summary>
    public IReadOnlyList<OutboxEntry> ReadAll()
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM {Table} ORDER BY seq;";
        using var reader = command.ExecuteReader();
        var entries = new List<OutboxEntry>();
        while (reader.Read())
        {
            entries.Add(ReadEntry(reader));
        }

        return entries;
    }

    /// <summary>Counters for the dashboard.</summary>
    public AlertOutboxStats GetStats()
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT
                COALESCE(SUM(CASE WHEN delivered_ms IS NULL THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN delivery = 'Discord' THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN delivery = 'Logged' THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN delivery = 'Disabled' THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN delivery = 'Rejected' THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(failures), 0),
                MIN(CASE WHEN delivered_ms IS NULL THEN created_ms END),
                (SELECT last_error FROM {Table}
                  WHERE last_error IS NOT NULL AND (delivered_ms IS NULL OR delivery = 'Rejected')
                  ORDER BY seq DESC LIMIT 1)
            FROM {Table};
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return new AlertOutboxStats(
            reader.GetInt64(0),
            reader.GetInt64(1),
            reader.GetInt64(2),
            reader.GetInt64(3),
            reader.GetInt64(4),
            reader.GetInt64(5),
            reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
            reader.IsDBNull(7) ? null : reader.GetString(7));
    }

    /// <summary>Marks the alert as gone from the queue (delivered, logged, disabled or rejected).</summary>
    public void MarkDone(long seq, AlertDelivery delivery, DateTimeOffset atUtc, string? error = null)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE {Table}
               SET delivered_ms = $at, delivery = $delivery, next_attempt_ms = NULL,
                   attempts = attempts + $tried, failures = failures + $failed,
                   last_error = COALESCE($error, last_error)
             WHERE seq = $seq AND delivered_ms IS NULL;
            """;
        var tried = delivery is AlertDelivery.Discord or AlertDelivery.Rejected ? 1 : 0;
        command.Parameters.AddWithValue("$at", atUtc.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$delivery", delivery.ToString());
        command.Parameters.AddWithValue("$tried", tried);
        command.Parameters.AddWithValue("$failed", delivery == AlertDelivery.Rejected ? 1 : 0);
        command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("$seq", seq);
        command.ExecuteNonQuery();
    }

    /// <summary>Records a failed attempt; the head stays in place and is retried not before <paramref name="nextAttemptUtc"/>.</summary>
    public void MarkFailed(long seq, string error, DateTimeOffset nextAttemptUtc)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE {Table}
               SET attempts = attempts + 1, failures = failures + 1, next_attempt_ms = $next, last_error = $error
             WHERE seq = $seq AND delivered_ms IS NULL;
            """;
        command.Parameters.AddWithValue("$next", nextAttemptUtc.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$error", _redactor.Redact(error));
        command.Parameters.AddWithValue("$seq", seq);
        command.ExecuteNonQuery();
    }

    /// <summary>Deletes delivered rows older than the cutoff (their ids then no longer deduplicate). Returns rows deleted.</summary>
    public int PruneDelivered(DateTimeOffset olderThanUtc)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {Table} WHERE delivered_ms IS NOT NULL AND delivered_ms < $cutoff;";
        command.Parameters.AddWithValue("$cutoff", olderThanUtc.ToUnixTimeMilliseconds());
        return command.ExecuteNonQuery();
    }

    private static OutboxEntry ReadEntry(SqliteDataReader reader)
    {
        var alert = new Alert(
            reader.GetString(1),
            Enum.Parse<AlertKind>(reader.GetString(2)),
            Enum.Parse<AlertSeverity>(reader.GetString(3)),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
            reader.GetString(4));
        return new OutboxEntry(
            reader.GetInt64(0),
            alert,
            reader.GetInt32(6),
            reader.GetInt32(7),
            reader.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
            reader.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
            reader.IsDBNull(10) ? null : Enum.Parse<AlertDelivery>(reader.GetString(10)),
            reader.IsDBNull(11) ? null : reader.GetString(11));
    }

    private void RequireSameDatabase(SqliteConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            throw new ArgumentException("The connection must be open.", nameof(connection));
        }

        var source = connection.DataSource;
        if (string.IsNullOrEmpty(source) ||
            !string.Equals(Path.GetFullPath(source), _fullPath, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The connection is open on '{source}', not on the alert outbox '{_fullPath}'."),
                nameof(connection));
        }
    }
}
