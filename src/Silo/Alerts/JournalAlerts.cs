using Microsoft.Data.Sqlite;
using TradingBot.Contracts.Events;
using TradingBot.Operations.Alerts.Outbox;
using TradingBot.Trading.Journal;

namespace TradingBot.Silo.Alerts;

/// <summary>
/// Stores the alert of a journaled position opening, closed trade or failed order in the same SQLite transaction
/// as the journal record (the outbox table lives in the journal's file), so the cause and its alert are committed
/// together or not at all. The <see cref="AlertBridge"/> still sees the same events on the streams; their alert ids
/// are the same (<see cref="AlertMapping"/>), so the outbox keeps one copy.
/// </summary>
internal sealed class JournalAlerts(AlertOutbox outbox) : IJournalOutbox
{
    public void PositionOpened(SqliteConnection connection, SqliteTransaction transaction, PositionOpened opened) => Store(connection, transaction, opened);

    public void TradeClosed(SqliteConnection connection, SqliteTransaction transaction, PositionClosed closed) => Store(connection, transaction, closed);

    public void OrderFailed(SqliteConnection connection, SqliteTransaction transaction, OrderFailed failed) => Store(connection, transaction, failed);

    private void Store(SqliteConnection connection, SqliteTransaction transaction, IBotEvent cause)
    {
        // Wall clock on purpose (see AddOperations): delivery marks alerts older than a few minutes as late.
        if (AlertMapping.ToAlert(cause, DateTimeOffset.UtcNow, 0) is { } alert)
        {
            outbox.Enqueue(connection, transaction, alert);
        }
    }
}
