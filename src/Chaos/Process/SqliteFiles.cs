using Microsoft.Data.Sqlite;

namespace TradingBot.Chaos.Process;

/// <summary>Read-side access to the silo's SQLite files (trade journal, alert outbox, grain state and dead letters).</summary>
internal static class SqliteFiles
{
    private static int s_initialized;

    public static void EnsureInitialized()
    {
        if (Interlocked.Exchange(ref s_initialized, 1) == 0)
        {
            SQLitePCL.Batteries_V2.Init();
        }
    }

    /// <summary>The *.db files of a data folder.</summary>
    public static IReadOnlyList<string> Databases(string dataDirectory) =>
        Directory.Exists(dataDirectory) ? Directory.GetFiles(dataDirectory, "*.db").Order(StringComparer.Ordinal).ToArray() : [];

    /// <summary><c>PRAGMA integrity_check</c>: "ok" or the problems SQLite lists.</summary>
    public static string IntegrityCheck(string path)
    {
        using var connection = Open(path, readOnly: false);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join("; ", lines);
    }

    /// <summary>A scalar query, or null when the file or table does not exist yet.</summary>
    public static long? Count(string path, string sql)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var connection = Open(path, readOnly: true);
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    /// <summary>Rows of a query as string arrays (empty when the file or table does not exist yet).</summary>
    public static IReadOnlyList<string?[]> Rows(string path, string sql)
    {
        var rows = new List<string?[]>();
        if (!File.Exists(path))
        {
            return rows;
        }

        try
        {
            using var connection = Open(path, readOnly: true);
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var row = new string?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                }

                rows.Add(row);
            }
        }
        catch (SqliteException)
        {
            // Table not created yet.
        }

        return rows;
    }

    private static SqliteConnection Open(string path, bool readOnly)
    {
        EnsureInitialized();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 10,
        }.ToString());
        connection.Open();
        return connection;
    }
}
