using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using TradingBot.Runtime.Persistence;

namespace TradingBot.Runtime.Storage;

/// <summary>Options of <see cref="SqliteGrainStorage"/>.</summary>
public sealed class SqliteGrainStorageOptions
{
    /// <summary>SQLite database file.</summary>
    public string DataSource { get; set; } = "grainstate.db";

    /// <summary>Cluster service id, part of every row's identity. Keep it stable.</summary>
    public string ServiceId { get; set; } = "tradingbot";

    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Payload serializer; System.Text.Json by default.</summary>
    public IGrainStorageSerializer? Serializer { get; set; }
}

/// <summary>
/// Orleans ADO.NET-compatible state store on SQLite (table <c>OrleansStorage</c>): integer Version as ETag, the
/// first insert only with a null ETag and no row, <c>UPDATE … WHERE Version=@v</c>, clear nulls the payload and
/// bumps the version. Every operation completes only after its transaction committed (WAL, synchronous=FULL).
/// Operations are serialized on one connection.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS OrleansStorage
        (
            GrainIdHash INT NOT NULL,
            GrainIdN0 BIGINT NOT NULL,
            GrainIdN1 BIGINT NOT NULL,
            GrainTypeHash INT NOT NULL,
            GrainTypeString NVARCHAR(512) NOT NULL,
            GrainIdExtensionString NVARCHAR(512) NULL,
            ServiceId NVARCHAR(150) NOT NULL,
            PayloadBinary BLOB NULL,
            ModifiedOn DATETIME NOT NULL,
            Version INT NULL
        );
        CREATE INDEX IF NOT EXISTS IX_OrleansStorage ON OrleansStorage (GrainIdHash, GrainTypeHash);
        CREATE UNIQUE INDEX IF NOT EXISTS UX_OrleansStorage_Key
            ON OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString);
        """;

    private const string KeyPredicate = """
        GrainIdHash = @grainIdHash AND GrainTypeHash = @grainTypeHash AND ServiceId = @serviceId
        AND GrainTypeString = @grainType AND GrainIdN0 = 0 AND GrainIdN1 = 0 AND GrainIdExtensionString = @key
        """;

    private readonly SqliteGrainStorageOptions _options;
    private readonly IGrainStorageSerializer _serializer;
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    private SqliteConnection? _connection;
    private bool _disposed;

    public SqliteGrainStorage(SqliteGrainStorageOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.DataSource);
        _options = options;
        _serializer = options.Serializer ?? new JsonGrainStorageSerializer();
        _clock = clock ?? TimeProvider.System;
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        try
        {
            byte[]? payload;
            int? version;
            lock (_lock)
            {
                (payload, version) = ReadRow(Connection(), null, stateName, grainId);
            }

            if (payload is not null)
            {
                grainState.State = _serializer.Deserialize<T>(payload);
                grainState.RecordExists = true;
            }
            else
            {
                grainState.State = PersistentState<T>.CreateDefault();
                grainState.RecordExists = false;
            }

            grainState.ETag = Format(version);
            return Task.CompletedTask;
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        try
        {
            var payload = _serializer.Serialize(grainState.State);
            var expected = Parse(grainState.ETag);
            int newVersion;
            lock (_lock)
            {
                var connection = Connection();
                using var transaction = connection.BeginTransaction(deferred: false);
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                AddKey(command, stateName, grainId);
                command.Parameters.AddWithValue("@payload", payload);
                command.Parameters.AddWithValue("@now", _clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                if (expected is null)
                {
                    command.CommandText = $"""
                        INSERT INTO OrleansStorage (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
                            GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
                        SELECT @grainIdHash, 0, 0, @grainTypeHash, @grainType, @key, @serviceId, @payload, @now, 1
                        WHERE NOT EXISTS (SELECT 1 FROM OrleansStorage WHERE {KeyPredicate});
                        """;
                    newVersion = 1;
                }
                else
                {
                    if (expected.Value == int.MaxValue)
                    {
                        throw new InvalidOperationException($"Version of state '{stateName}' for {grainId} would overflow a 32-bit integer.");
                    }

                    command.Parameters.AddWithValue("@version", expected.Value);
                    command.CommandText = $"""
                        UPDATE OrleansStorage SET PayloadBinary = @payload, ModifiedOn = @now, Version = Version + 1
                        WHERE {KeyPredicate} AND Version = @version;
                        """;
                    newVersion = expected.Value + 1;
                }

                if (command.ExecuteNonQuery() != 1)
                {
                    var stored = ReadRow(connection, transaction, stateName, grainId).Version;
                    transaction.Rollback();
                    throw new InconsistentStateException($"Version conflict on write of state '{stateName}' for {grainId}", Format(stored), grainState.ETag);
                }

                transaction.Commit();
            }

            grainState.ETag = Format(newVersion);
            grainState.RecordExists = true;
            return Task.CompletedTask;
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        try
        {
            var expected = Parse(grainState.ETag);
            string? newEtag;
            lock (_lock)
            {
                var connection = Connection();
                using var transaction = connection.BeginTransaction(deferred: false);
                var stored = ReadRow(connection, transaction, stateName, grainId).Version;
                if (stored != expected)
                {
                    transaction.Rollback();
                    throw new InconsistentStateException($"Version conflict on clear of state '{stateName}' for {grainId}", Format(stored), grainState.ETag);
                }

                if (expected is null)
                {
                    // Nothing stored: clearing is a no-op.
                    newEtag = null;
                }
                else
                {
                    using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    AddKey(command, stateName, grainId);
                    command.Parameters.AddWithValue("@version", expected.Value);
                    command.Parameters.AddWithValue("@now", _clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                    command.CommandText = $"""
                        UPDATE OrleansStorage SET PayloadBinary = NULL, ModifiedOn = @now, Version = Version + 1
                        WHERE {KeyPredicate} AND Version = @version;
                        """;
                    command.ExecuteNonQuery();
                    newEtag = Format(expected.Value + 1);
                }

                transaction.Commit();
            }

            grainState.ETag = newEtag;
            grainState.State = PersistentState<T>.CreateDefault();
            grainState.RecordExists = false;
            return Task.CompletedTask;
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _connection?.Dispose();
            _connection = null;
        }
    }

    private static string? Format(int? version) => version?.ToString(CultureInfo.InvariantCulture);

    private static int? Parse(string? etag)
    {
        if (etag is null)
        {
            return null;
        }

        return int.TryParse(etag, NumberStyles.Integer, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InconsistentStateException($"ETag '{etag}' is not a version number", null, etag);
    }

    private SqliteConnection Connection()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_connection is null)
        {
            _connection = SqliteConnectionFactory.Open(_options.DataSource, _options.BusyTimeout);
            SqliteConnectionFactory.Execute(_connection, Schema);
        }

        return _connection;
    }

    private (byte[]? Payload, int? Version) ReadRow(SqliteConnection connection, SqliteTransaction? transaction, string stateName, GrainId grainId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        AddKey(command, stateName, grainId);
        command.CommandText = $"SELECT PayloadBinary, Version FROM OrleansStorage WHERE {KeyPredicate};";
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return (null, null);
        }

        var payload = reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0);
        int? version = reader.IsDBNull(1) ? null : reader.GetInt32(1);
        return (payload, version);
    }

    private void AddKey(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("@grainIdHash", XxHash32.Hash(Encoding.UTF8.GetBytes(grainId.Key)));
        command.Parameters.AddWithValue("@grainTypeHash", XxHash32.Hash(Encoding.UTF8.GetBytes(stateName)));
        command.Parameters.AddWithValue("@serviceId", _options.ServiceId);
        command.Parameters.AddWithValue("@grainType", stateName);
        command.Parameters.AddWithValue("@key", grainId.Key);
    }
}
