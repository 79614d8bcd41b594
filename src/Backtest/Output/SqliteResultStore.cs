using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TradingBot.Backtest.Results;

namespace TradingBot.Backtest.Output;

/// <summary>
/// Runs, trades, equity points and metrics in SQLite for the dashboard. Tables: backtest_runs, backtest_trades,
/// backtest_equity, backtest_metrics (scope overall / strategy / symbol). Money is stored as invariant decimal text.
/// </summary>
public static class SqliteResultStore
{
    private const string Schema =
        """
        CREATE TABLE IF NOT EXISTS backtest_runs (
            run_id TEXT PRIMARY KEY, created_at TEXT NOT NULL, strategies TEXT NOT NULL, symbols TEXT NOT NULL,
            start_at TEXT NOT NULL, end_at TEXT NOT NULL, initial_balance TEXT NOT NULL, final_equity TEXT NOT NULL,
            fingerprint TEXT NOT NULL, fill_model TEXT NOT NULL, funding TEXT NOT NULL, candles INTEGER NOT NULL,
            wall_seconds REAL NOT NULL, gaps INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS backtest_trades (
            run_id TEXT NOT NULL REFERENCES backtest_runs(run_id), seq INTEGER NOT NULL, strategy TEXT NOT NULL, symbol TEXT NOT NULL,
            direction TEXT NOT NULL, opened_at TEXT NOT NULL, closed_at TEXT NOT NULL, entry_price TEXT NOT NULL, exit_price TEXT NOT NULL,
            quantity TEXT NOT NULL, stop_loss TEXT NOT NULL, take_profit TEXT NOT NULL, reason TEXT NOT NULL, fees TEXT NOT NULL,
            funding TEXT NOT NULL, net_pnl TEXT NOT NULL, r_multiple TEXT NOT NULL, PRIMARY KEY (run_id, seq));
        CREATE TABLE IF NOT EXISTS backtest_equity (
            run_id TEXT NOT NULL REFERENCES backtest_runs(run_id), at TEXT NOT NULL, equity TEXT NOT NULL, drawdown REAL NOT NULL,
            PRIMARY KEY (run_id, at));
        CREATE TABLE IF NOT EXISTS backtest_metrics (
            run_id TEXT NOT NULL REFERENCES backtest_runs(run_id), scope TEXT NOT NULL, name TEXT NOT NULL, metrics TEXT NOT NULL,
            PRIMARY KEY (run_id, scope, name));
        """;

    public static void Save(string path, BacktestResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        SQLitePCL.Batteries_V2.Init();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, null, Schema);
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction,
            """
            INSERT OR REPLACE INTO backtest_runs VALUES ($id, $created, $strategies, $symbols, $start, $end, $initial, $final, $fingerprint, $fill, $funding, $candles, $wall, $gaps);
            """,
            ("$id", run.RunId), ("$created", Time(DateTimeOffset.UtcNow)), ("$strategies", string.Join(",", run.Strategies)), ("$symbols", string.Join(",", run.Symbols)),
            ("$start", Time(run.Start)), ("$end", Time(run.End)), ("$initial", Money(run.InitialBalance)), ("$final", Money(run.FinalEquity)), ("$fingerprint", run.Fingerprint),
            ("$fill", string.Join("\n", run.FillModel)), ("$funding", run.Funding), ("$candles", run.CandlesProcessed), ("$wall", run.Wall.TotalSeconds), ("$gaps", run.Gaps.Count));
        using (var insert = Command(connection, transaction,
            "INSERT OR REPLACE INTO backtest_trades VALUES ($id, $seq, $strategy, $symbol, $direction, $opened, $closed, $entry, $exit, $qty, $sl, $tp, $reason, $fees, $funding, $pnl, $r);",
            "$id", "$seq", "$strategy", "$symbol", "$direction", "$opened", "$closed", "$entry", "$exit", "$qty", "$sl", "$tp", "$reason", "$fees", "$funding", "$pnl", "$r"))
        {
            var seq = 0;
            foreach (var t in run.Trades)
            {
                Bind(insert, run.RunId, seq++, t.Strategy, t.Symbol, t.Direction, Time(t.OpenedAt), Time(t.ClosedAt), Money(t.EntryPrice), Money(t.ExitPrice), Money(t.Quantity),
                    Money(t.StopLoss), Money(t.TakeProfit), t.Reason, Money(t.Fees), Money(t.Funding), Money(t.NetPnl), Money(t.RMultiple));
                insert.ExecuteNonQuery();
            }
        }

        using (var insert = Command(connection, transaction, "INSERT OR REPLACE INTO backtest_equity VALUES ($id, $at, $equity, $dd);", "$id", "$at", "$equity", "$dd"))
        {
            foreach (var p in run.Equity)
            {
                Bind(insert, run.RunId, Time(p.At), Money(p.Equity), (double)p.Drawdown);
                insert.ExecuteNonQuery();
            }
        }

        using (var insert = Command(connection, transaction, "INSERT OR REPLACE INTO backtest_metrics VALUES ($id, $scope, $name, $metrics);", "$id", "$scope", "$name", "$metrics"))
        {
            var slices = new[] { ("overall", "all", run.Overall) }
                .Concat(run.ByStrategy.Select(kv => ("strategy", kv.Key, kv.Value)))
                .Concat(run.BySymbol.Select(kv => ("symbol", kv.Key, kv.Value)));
            foreach (var (scope, name, metrics) in slices)
            {
                Bind(insert, run.RunId, scope, name, JsonSerializer.Serialize(metrics));
                insert.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    private static string Money(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
