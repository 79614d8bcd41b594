using Microsoft.Data.Sqlite;

namespace TradingBot.Runtime.Storage;

/// <summary>Opens SQLite connections configured for durability: WAL, synchronous=FULL, busy timeout.</summary>
internal static class SqliteConnectionFactory
{
    private static readonly Lazy<bool> s_init = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    public static SqliteConnection Open(string path, TimeSpan busyTimeout)
    {
        _ = s_init.Value;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        Execute(connection, $"PRAGMA busy_timeout={(int)busyTimeout.TotalMilliseconds};");
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, "PRAGMA synchronous=FULL;");
        return connection;
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
