using System.Globalization;
using Microsoft.Data.Sqlite;
using TradingBot.Dashboard.Security;

namespace TradingBot.Dashboard.Audit;

/// <summary>
/// Append-only audit trail in SQLite. Writes are synchronous and durable before the action's answer
/// is sent, so an action the operator saw succeed is always on record.
/// </summary>
internal sealed class AuditLog
{
    private readonly string _connectionString;
    private readonly DashboardClock _clock;

    public AuditLog(DashboardOptions options, DashboardClock clock)
    {
        SQLitePCL.Batteries_V2.Init();
        _clock = clock;
        var path = options.AuditDatabasePath ?? throw new InvalidOperationException("Dashboard audit database path is not set.");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS audit (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                client TEXT NOT NULL,
                action TEXT NOT NULL,
                detail TEXT NOT NULL,
                outcome TEXT NOT NULL);
            """;
        command.ExecuteNonQuery();
    }

    public void Write(string actor, string client, string action, string detail, string outcome)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO audit (at, actor, client, action, detail, outcome) VALUES ($at, $actor, $client, $action, $detail, $outcome)";
        command.Parameters.AddWithValue("$at", _clock.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$actor", actor);
        command.Parameters.AddWithValue("$client", client);
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$detail", detail);
        command.Parameters.AddWithValue("$outcome", outcome);
        command.ExecuteNonQuery();
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<AuditEntry> Read(int limit, long? beforeId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, at, actor, client, action, detail, outcome FROM audit WHERE id < $before ORDER BY id DESC LIMIT $limit";
        command.Parameters.AddWithValue("$before", beforeId ?? long.MaxValue);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (reader.Read())
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6)));
        }

        return entries;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
