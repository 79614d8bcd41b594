using System.Globalization;
using Microsoft.Data.Sqlite;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;

namespace TradingBot.Trading.Journal;

/// <summary>
/// Trade records in SQLite: signals, orders, fills, trades, and the daily and per-strategy views.
/// Every write is idempotent (keyed by deterministic ids), so replaying events after a crash never
/// duplicates a record. With an <see cref="IJournalOutbox"/>, the alert of a new opened position, closed
/// trade or failed order is written in the same transaction as the record.
/// </summary>
public sealed class TradeJournal : IDisposable
{
    /// <summary>Recommended file name inside the data directory.</summary>
    public const string DefaultFileName = "trades.db";

    // The OrderGrain's status text for a given-up order (OrderIntentStatus.Failed); the journal stores it as is.
    private const string FailedStatus = "FAILED";

    private static readonly CultureInfo s_inv = CultureInfo.InvariantCulture;
    private readonly SqliteConnection _connection;
    private readonly IJournalOutbox? _outbox;
    private readonly Lock _gate = new();

    /// <param name="path">SQLite file (":memory:" for throw-away journals).</param>
    /// <param name="outbox">Side effects committed with new records (the alert outbox in the same file); null = none.</param>
    public TradeJournal(string path, IJournalOutbox? outbox = null)
    {
        _outbox = outbox;
        SQLitePCL.Batteries_V2.Init();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute(JournalSchema.Create);
        // WAL + NORMAL survives a killed process (the WAL is written before a call returns); only a power cut
        // could drop the last records, and the exchange remains the source of truth for fills.
        Execute("PRAGMA synchronous=NORMAL;");
    }

    public void RecordSignal(TradeSignal signal, string outcome, string? detail)
    {
        ArgumentNullException.ThrowIfNull(signal);
        Execute(
            """
            INSERT INTO signals (id, strategy, symbol, direction, entry, stop_loss, take_profit, confidence, evidence, at, outcome, detail)
            VALUES ($id, $strategy, $symbol, $direction, $entry, $sl, $tp, $confidence, $evidence, $at, $outcome, $detail)
            ON CONFLICT(id) DO UPDATE SET outcome = excluded.outcome, detail = excluded.detail;
            """,
            ("$id", signal.Id), ("$strategy", signal.Strategy), ("$symbol", signal.Symbol), ("$direction", signal.Direction.ToString()),
            ("$entry", Money(signal.Entry)), ("$sl", Money(signal.StopLoss)), ("$tp", Money(signal.TakeProfit)), ("$confidence", signal.Confidence),
            ("$evidence", string.Join(',', signal.ZoneIds)), ("$at", Time(signal.At)), ("$outcome", outcome), ("$detail", detail));
    }

    public void RecordOrder(string clientOrderId, string symbol, OrderSide side, OrderPurpose purpose, decimal quantity, decimal? triggerPrice, string status, int attempts, string? error, DateTimeOffset at)
    {
        InTransaction((connection, transaction) =>
        {
            var firstFailure = _outbox is not null && status == FailedStatus
                && !string.Equals(Scalar(connection, transaction, "SELECT status FROM orders WHERE client_order_id = $id", ("$id", clientOrderId)) as string, FailedStatus, StringComparison.Ordinal);
            Execute(connection, transaction,
                """
                INSERT INTO orders (client_order_id, symbol, side, purpose, quantity, trigger_price, status, attempts, error, created_at, updated_at)
                VALUES ($id, $symbol, $side, $purpose, $qty, $trigger, $status, $attempts, $error, $at, $at)
                ON CONFLICT(client_order_id) DO UPDATE SET status = excluded.status, attempts = excluded.attempts,
                    error = excluded.error, updated_at = excluded.updated_at;
                """,
                ("$id", clientOrderId), ("$symbol", symbol), ("$side", side.ToString()), ("$purpose", purpose.ToString()), ("$qty", Money(quantity)),
                ("$trigger", triggerPrice is { } t ? Money(t) : null), ("$status", status), ("$attempts", attempts), ("$error", error), ("$at", Time(at)));
            if (firstFailure)
            {
                _outbox!.OrderFailed(connection, transaction, new OrderFailed(clientOrderId, symbol, purpose, error ?? "failed", attempts, at));
            }
        });
    }

    public void RecordFill(string clientOrderId, long tradeId, string symbol, OrderSide side, decimal quantity, decimal price, decimal commission, decimal realizedPnl, DateTimeOffset at)
    {
        Execute(
            """
            INSERT OR IGNORE INTO fills (client_order_id, trade_id, symbol, side, quantity, price, commission, realized_pnl, at)
            VALUES ($id, $trade, $symbol, $side, $qty, $price, $commission, $pnl, $at);
            """,
            ("$id", clientOrderId), ("$trade", tradeId), ("$symbol", symbol), ("$side", side.ToString()), ("$qty", Money(quantity)),
            ("$price", Money(price)), ("$commission", Money(commission)), ("$pnl", Money(realizedPnl)), ("$at", Time(at)));
    }

    public void RecordTrade(PositionClosed closed)
    {
        ArgumentNullException.ThrowIfNull(closed);
        InTransaction((connection, transaction) =>
        {
            var inserted = Execute(connection, transaction,
                """
                INSERT OR IGNORE INTO trades (position_id, strategy, symbol, direction, entry_price, exit_price, quantity, realized_pnl, fees, r_multiple, exit_reason, opened_at, closed_at)
                VALUES ($id, $strategy, $symbol, $direction, $entry, $exit, $qty, $pnl, $fees, $r, $reason, $opened, $closed);
                """,
                ("$id", closed.PositionId), ("$strategy", closed.Strategy), ("$symbol", closed.Symbol), ("$direction", closed.Direction.ToString()),
                ("$entry", Money(closed.EntryPrice)), ("$exit", Money(closed.ExitPrice)), ("$qty", Money(closed.Quantity)), ("$pnl", Money(closed.RealizedPnl)),
                ("$fees", Money(closed.Fees)), ("$r", Money(closed.RMultiple)), ("$reason", closed.Reason.ToString()), ("$opened", Time(closed.OpenedAt)), ("$closed", Time(closed.At)));
            if (inserted == 1)
            {
                _outbox?.TradeClosed(connection, transaction, closed);
            }
        });
    }

    /// <summary>Records an opened position (table <c>positions_opened</c>); its alert is stored in the same transaction.</summary>
    public void RecordPositionOpened(PositionOpened opened)
    {
        ArgumentNullException.ThrowIfNull(opened);
        InTransaction((connection, transaction) =>
        {
            var inserted = Execute(connection, transaction,
                """
                INSERT OR IGNORE INTO positions_opened (position_id, strategy, symbol, direction, entry_price, quantity, leverage, stop_loss, take_profit, opened_at)
                VALUES ($id, $strategy, $symbol, $direction, $entry, $qty, $leverage, $sl, $tp, $at);
                """,
                ("$id", opened.PositionId), ("$strategy", opened.Strategy), ("$symbol", opened.Symbol), ("$direction", opened.Direction.ToString()),
                ("$entry", Money(opened.EntryPrice)), ("$qty", Money(opened.Quantity)), ("$leverage", opened.Leverage),
                ("$sl", Money(opened.StopLoss)), ("$tp", Money(opened.TakeProfit)), ("$at", Time(opened.At)));
            if (inserted == 1)
            {
                _outbox?.PositionOpened(connection, transaction, opened);
            }
        });
    }

    /// <summary>The most recent closed trades, newest first.</summary>
    public IReadOnlyList<TradeRecord> RecentTrades(int limit)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT position_id, strategy, symbol, direction, entry_price, exit_price, quantity, realized_pnl, fees, r_multiple, exit_reason, opened_at, closed_at FROM trades ORDER BY closed_at DESC, position_id DESC LIMIT $limit";
            command.Parameters.AddWithValue("$limit", limit);
            return ReadTrades(command);
        }
    }

    /// <summary>Closed trades of one symbol that closed at or after <paramref name="since"/>, oldest first, at most <paramref name="limit"/> (the newest ones).</summary>
    public IReadOnlyList<TradeRecord> TradesOf(string symbol, DateTimeOffset since, int limit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT position_id, strategy, symbol, direction, entry_price, exit_price, quantity, realized_pnl, fees, r_multiple, exit_reason, opened_at, closed_at FROM trades WHERE symbol = $symbol AND closed_at >= $since ORDER BY closed_at DESC, position_id DESC LIMIT $limit";
            command.Parameters.AddWithValue("$symbol", symbol);
            command.Parameters.AddWithValue("$since", Time(since));
            command.Parameters.AddWithValue("$limit", limit);
            var result = ReadTrades(command);
            result.Reverse();
            return result;
        }
    }

    /// <summary>Realized PnL of every closed trade in closing order (oldest first): the points of a realized equity curve.</summary>
    public IReadOnlyList<(DateTimeOffset ClosedAt, decimal RealizedPnl)> RealizedPnlSeries()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT closed_at, realized_pnl FROM trades ORDER BY closed_at, position_id";
            using var reader = command.ExecuteReader();
            var result = new List<(DateTimeOffset, decimal)>();
            while (reader.Read())
            {
                result.Add((DateTimeOffset.Parse(reader.GetString(0), s_inv), ParseMoney(reader.GetString(1))));
            }

            return result;
        }
    }

    /// <summary>Per-strategy statistics, computed exactly in decimal.</summary>
    public IReadOnlyList<StrategyStatistics> StrategyStatistics()
    {
        var trades = RecentTrades(int.MaxValue);
        return trades
            .GroupBy(t => t.Strategy, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new StrategyStatistics(
                g.Key,
                g.Count(),
                g.Count(t => t.RealizedPnl > 0),
                g.Sum(t => t.RealizedPnl),
                g.Average(t => t.RealizedPnl),
                g.Where(t => t.RealizedPnl > 0).Sum(t => t.RealizedPnl),
                -g.Where(t => t.RealizedPnl < 0).Sum(t => t.RealizedPnl)))
            .ToList();
    }

    /// <summary>Number of rows in a journal table (signals, orders, fills, trades, positions_opened).</summary>
    public long Count(string table)
    {
        if (table is not ("signals" or "orders" or "fills" or "trades" or "positions_opened"))
        {
            throw new ArgumentOutOfRangeException(nameof(table), table, "not a journal table");
        }

        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            return (long)command.ExecuteScalar()!;
        }
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>Runs <paramref name="work"/> in one transaction on the journal's connection: all of it is committed, or none.</summary>
    private void InTransaction(Action<SqliteConnection, SqliteTransaction> work)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            work(_connection, transaction);
            transaction.Commit();
        }
    }

    private static int Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command.ExecuteScalar();
    }

    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            command.ExecuteNonQuery();
        }
    }

    private static List<TradeRecord> ReadTrades(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var result = new List<TradeRecord>();
        while (reader.Read())
        {
            result.Add(new TradeRecord(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), Enum.Parse<Direction>(reader.GetString(3)),
                ParseMoney(reader.GetString(4)), ParseMoney(reader.GetString(5)), ParseMoney(reader.GetString(6)), ParseMoney(reader.GetString(7)),
                ParseMoney(reader.GetString(8)), ParseMoney(reader.GetString(9)), Enum.Parse<ExitReason>(reader.GetString(10)),
                DateTimeOffset.Parse(reader.GetString(11), s_inv), DateTimeOffset.Parse(reader.GetString(12), s_inv)));
        }

        return result;
    }

    private static string Money(decimal value) => value.ToString(s_inv);

    private static decimal ParseMoney(string text) => decimal.Parse(text, NumberStyles.Number, s_inv);

    private static string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", s_inv);
}
