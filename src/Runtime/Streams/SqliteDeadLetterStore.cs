using System.Globalization;
using Microsoft.Data.Sqlite;
using TradingBot.Runtime.Storage;

namespace TradingBot.Runtime.Streams;

/// <summary>Dead letters in a SQLite table <c>DeadLetters</c>; an add completes after its commit.</summary>
public sealed class SqliteDeadLetterStore : IDeadLetterStore, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS DeadLetters
        (
            Id INTEGER PRIMARY KEY AUTOINCREMENT,
            Provider TEXT NOT NULL,
            StreamNamespace TEXT NOT NULL,
            StreamKey TEXT NOT NULL,
            SequenceNumber INTEGER NOT NULL,
            SubscriptionId TEXT NOT NULL,
            Subscriber TEXT NOT NULL,
            PayloadType TEXT NOT NULL,
            PayloadJson TEXT NOT NULL,
            Error TEXT NOT NULL,
            Attempts INTEGER NOT NULL,
            FailedAt TEXT NOT NULL
        );
        """;

    private readonly string _path;
    private readonly Lock _lock = new();
    private SqliteConnection? _connection;

    public SqliteDeadLetterStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = path;
    }

    public Task AddAsync(DeadLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        try
        {
            lock (_lock)
            {
                using var command = Connection().CreateCommand();
                command.CommandText = """
                    INSERT INTO DeadLetters (Provider, StreamNamespace, StreamKey, SequenceNumber, SubscriptionId, Subscriber,
                        PayloadType, PayloadJson, Error, Attempts, FailedAt)
                    VALUES (@provider, @ns, @key, @seq, @sub, @subscriber, @type, @payload, @error, @attempts, @at);
                    """;
                command.Parameters.AddWithValue("@provider", letter.Provider);
                command.Parameters.AddWithValue("@ns", letter.StreamNamespace);
                command.Parameters.AddWithValue("@key", letter.StreamKey);
                command.Parameters.AddWithValue("@seq", letter.SequenceNumber);
                command.Parameters.AddWithValue("@sub", letter.SubscriptionId.ToString("N"));
                command.Parameters.AddWithValue("@subscriber", letter.Subscriber);
                command.Parameters.AddWithValue("@type", letter.PayloadType);
                command.Parameters.AddWithValue("@payload", letter.PayloadJson);
                command.Parameters.AddWithValue("@error", letter.Error);
                command.Parameters.AddWithValue("@attempts", letter.Attempts);
                command.Parameters.AddWithValue("@at", letter.FailedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                command.ExecuteNonQuery();
            }

            return Task.CompletedTask;
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    public Task<IReadOnlyList<DeadLetter>> ReadRecentAsync(int max)
    {
        lock (_lock)
        {
            using var command = Connection().CreateCommand();
            command.CommandText = """
                SELECT Provider, StreamNamespace, StreamKey, SequenceNumber, SubscriptionId, Subscriber, PayloadType, PayloadJson,
                    Error, Attempts, FailedAt FROM DeadLetters ORDER BY Id DESC LIMIT @max;
                """;
            command.Parameters.AddWithValue("@max", max);
            using var reader = command.ExecuteReader();
            var list = new List<DeadLetter>();
            while (reader.Read())
            {
                list.Add(new DeadLetter(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), Guid.ParseExact(reader.GetString(4), "N"),
                    reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetInt32(9),
                    DateTimeOffset.Parse(reader.GetString(10), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)));
            }

            return Task.FromResult<IReadOnlyList<DeadLetter>>(list);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _connection?.Dispose();
            _connection = null;
        }
    }

    private SqliteConnection Connection()
    {
        if (_connection is null)
        {
            _connection = SqliteConnectionFactory.Open(_path, TimeSpan.FromSeconds(5));
            SqliteConnectionFactory.Execute(_connection, Schema);
        }

        return _connection;
    }
}
