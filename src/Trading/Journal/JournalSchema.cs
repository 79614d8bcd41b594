namespace TradingBot.Trading.Journal;

/// <summary>
/// The trade-record tables the dashboard and alerts read. Money is stored as invariant decimal
/// text (exact); the statistics views cast to REAL for display only.
/// </summary>
internal static class JournalSchema
{
    public const string Create = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS signals (
            id TEXT PRIMARY KEY,
            strategy TEXT NOT NULL,
            symbol TEXT NOT NULL,
            direction TEXT NOT NULL,
            entry TEXT NOT NULL,
            stop_loss TEXT NOT NULL,
            take_profit TEXT NOT NULL,
            confidence REAL NOT NULL,
            evidence TEXT NOT NULL,
            at TEXT NOT NULL,
            outcome TEXT,
            detail TEXT
        );
        CREATE TABLE IF NOT EXISTS orders (
            client_order_id TEXT PRIMARY KEY,
            symbol TEXT NOT NULL,
            side TEXT NOT NULL,
            purpose TEXT NOT NULL,
            quantity TEXT NOT NULL,
            trigger_price TEXT,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            error TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS fills (
            client_order_id TEXT NOT NULL,
            trade_id INTEGER NOT NULL,
            symbol TEXT NOT NULL,
            side TEXT NOT NULL,
            quantity TEXT NOT NULL,
            price TEXT NOT NULL,
            commission TEXT NOT NULL,
            realized_pnl TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (client_order_id, trade_id)
        );
        CREATE TABLE IF NOT EXISTS trades (
            position_id TEXT PRIMARY KEY,
            strategy TEXT NOT NULL,
            symbol TEXT NOT NULL,
            direction TEXT NOT NULL,
            entry_price TEXT NOT NULL,
            exit_price TEXT NOT NULL,
            quantity TEXT NOT NULL,
            realized_pnl TEXT NOT NULL,
            fees TEXT NOT NULL,
            r_multiple TEXT NOT NULL,
            exit_reason TEXT NOT NULL,
            opened_at TEXT NOT NULL,
            closed_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS trades_closed_at ON trades(closed_at);
        CREATE TABLE IF NOT EXISTS positions_opened (
            position_id TEXT PRIMARY KEY,
            strategy TEXT NOT NULL,
            symbol TEXT NOT NULL,
            direction TEXT NOT NULL,
            entry_price TEXT NOT NULL,
            quantity TEXT NOT NULL,
            leverage INTEGER NOT NULL,
            stop_loss TEXT NOT NULL,
            take_profit TEXT NOT NULL,
            opened_at TEXT NOT NULL
        );
        CREATE VIEW IF NOT EXISTS daily_stats AS
            SELECT substr(closed_at, 1, 10) AS day,
                   COUNT(*) AS trades,
                   SUM(CAST(realized_pnl AS REAL) > 0) AS wins,
                   SUM(CAST(realized_pnl AS REAL) <= 0) AS losses,
                   SUM(CAST(realized_pnl AS REAL)) AS pnl,
                   SUM(CAST(fees AS REAL)) AS fees
            FROM trades GROUP BY day;
        CREATE VIEW IF NOT EXISTS strategy_stats AS
            SELECT strategy,
                   COUNT(*) AS trades,
                   AVG(CAST(realized_pnl AS REAL) > 0) AS win_rate,
                   AVG(CAST(realized_pnl AS REAL)) AS avg_pnl,
                   SUM(CAST(realized_pnl AS REAL)) AS total_pnl,
                   SUM(CASE WHEN CAST(realized_pnl AS REAL) > 0 THEN CAST(realized_pnl AS REAL) ELSE 0 END) AS gross_profit,
                   -SUM(CASE WHEN CAST(realized_pnl AS REAL) < 0 THEN CAST(realized_pnl AS REAL) ELSE 0 END) AS gross_loss
            FROM trades GROUP BY strategy;
        """;
}
