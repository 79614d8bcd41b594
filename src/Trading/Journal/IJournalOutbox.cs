using Microsoft.Data.Sqlite;
using TradingBot.Contracts.Events;

namespace TradingBot.Trading.Journal;

/// <summary>
/// Side effects that must be stored in the same SQLite transaction as the journal record that causes them —
/// the alert outbox: a closed trade and its alert are committed together or not at all, so a crash can never
/// keep one and lose the other. Called only when the record is new (a replayed record adds nothing).
/// </summary>
/// <remarks>Implementations write through the given connection and transaction only, and must not commit.</remarks>
public interface IJournalOutbox
{
    /// <summary>A position was opened (<see cref="TradeJournal.RecordPositionOpened"/>).</summary>
    void PositionOpened(SqliteConnection connection, SqliteTransaction transaction, PositionOpened opened);

    /// <summary>A closed trade was recorded (<see cref="TradeJournal.RecordTrade"/>).</summary>
    void TradeClosed(SqliteConnection connection, SqliteTransaction transaction, PositionClosed closed);

    /// <summary>An order was recorded as failed for the first time (<see cref="TradeJournal.RecordOrder"/>).</summary>
    void OrderFailed(SqliteConnection connection, SqliteTransaction transaction, OrderFailed failed);
}
