using Microsoft.Data.Sqlite;
using TradingBot.Operations.Alerts;
using TradingBot.Operations.Alerts.Outbox;
using TradingBot.Operations.Secrets;
using TradingBot.Operations.Tests.Support;

namespace TradingBot.Operations.Tests.Alerts;

public sealed class AlertOutboxTests : IDisposable
{
    private static readonly DateTimeOffset s_at = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Duplicate_ids_are_stored_once_and_order_follows_insertion()
    {
        var outbox = new AlertOutbox(_dir.File("alerts.db"));

        outbox.Enqueue(Alert("a")).Should().BeTrue();
        outbox.Enqueue(Alert("b")).Should().BeTrue();
        outbox.Enqueue(Alert("a") with { Text = "replayed" }).Should().BeFalse();

        var all = outbox.ReadAll();
        all.Select(e => e.Alert.Id).Should().Equal("a", "b");
        all[0].Alert.Text.Should().Be("text a");
        outbox.PeekHead()!.Alert.Id.Should().Be("a");
    }

    [Fact]
    public void Enqueue_inside_a_rolled_back_transaction_leaves_no_alert()
    {
        var outbox = new AlertOutbox(_dir.File("trading.db"));
        using var connection = outbox.OpenConnection();
        CreateBusinessTable(connection);

        using (var transaction = connection.BeginTransaction())
        {
            InsertPosition(connection, transaction, "pos-1");
            outbox.Enqueue(connection, transaction, Alert("PositionOpened:pos-1")).Should().BeTrue();
            transaction.Rollback();
        }

        outbox.ReadAll().Should().BeEmpty();
        CountPositions(connection).Should().Be(0);
    }

    [Fact]
    public void Enqueue_inside_a_committed_transaction_stores_alert_and_state_together()
    {
        var outbox = new AlertOutbox(_dir.File("trading.db"));
        using var connection = outbox.OpenConnection();
        CreateBusinessTable(connection);

        using (var transaction = connection.BeginTransaction())
        {
            InsertPosition(connection, transaction, "pos-1");
            outbox.Enqueue(connection, transaction, Alert("PositionOpened:pos-1"));
            transaction.Commit();
        }

        // A fresh outbox over the same file (as after a restart) sees it.
        new AlertOutbox(_dir.File("trading.db")).ReadAll().Select(e => e.Alert.Id).Should().Equal("PositionOpened:pos-1");
        CountPositions(connection).Should().Be(1);
    }

    [Fact]
    public void Caller_connection_must_be_on_the_outbox_file()
    {
        var outbox = new AlertOutbox(_dir.File("alerts.db"));
        using var other = new SqliteConnection("Data Source=" + _dir.File("other.db"));
        other.Open();

        var act = () => outbox.Enqueue(other, null, Alert("x"));

        act.Should().Throw<ArgumentException>().WithMessage("*other.db*not on the alert outbox*");
    }

    [Fact]
    public void Schema_can_live_in_a_database_created_elsewhere()
    {
        var path = _dir.File("state.db");
        using (var connection = new SqliteConnection("Data Source=" + path))
        {
            connection.Open();
            CreateBusinessTable(connection);
            AlertOutbox.EnsureSchema(connection, null);
            AlertOutbox.EnsureSchema(connection, null);
        }

        var outbox = new AlertOutbox(path);
        outbox.Enqueue(Alert("x")).Should().BeTrue();
        outbox.ReadAll().Should().HaveCount(1);
    }

    [Fact]
    public void Text_is_scrubbed_of_registered_secrets_before_it_is_stored()
    {
        var redactor = new SecretRedactor();
        redactor.Register("sk-live-0123456789");
        var outbox = new AlertOutbox(_dir.File("alerts.db"), redactor);

        outbox.Enqueue(Alert("e") with { Text = "error calling api with key sk-live-0123456789 and signature=abcdef0123456789abcdef" });

        var text = outbox.ReadAll()[0].Alert.Text;
        text.Should().NotContain("sk-live-0123456789").And.NotContain("abcdef0123456789abcdef");
        text.Should().Be("error calling api with key *** and signature=***");
    }

    [Fact]
    public void Stats_count_pending_delivered_and_failures()
    {
        var outbox = new AlertOutbox(_dir.File("alerts.db"));
        outbox.Enqueue(Alert("a"));
        outbox.Enqueue(Alert("b"));
        outbox.Enqueue(Alert("c"));
        var head = outbox.PeekHead()!;
        outbox.MarkFailed(head.Seq, "HTTP 500", s_at.AddSeconds(1));
        outbox.MarkFailed(head.Seq, "HTTP 502", s_at.AddSeconds(3));
        outbox.MarkDone(head.Seq, AlertDelivery.Discord, s_at.AddSeconds(3));
        outbox.MarkDone(outbox.PeekHead()!.Seq, AlertDelivery.Logged, s_at.AddSeconds(4));

        var stats = outbox.GetStats();

        stats.Should().Be(new AlertOutboxStats(
            Pending: 1, Delivered: 1, Logged: 1, Disabled: 0, Rejected: 0, FailedAttempts: 2, OldestPendingUtc: s_at, LastError: null));
        outbox.ReadAll()[0].Attempts.Should().Be(3);
    }

    [Fact]
    public void Prune_removes_only_old_delivered_rows()
    {
        var outbox = new AlertOutbox(_dir.File("alerts.db"));
        outbox.Enqueue(Alert("old"));
        outbox.Enqueue(Alert("pending"));
        outbox.MarkDone(outbox.PeekHead()!.Seq, AlertDelivery.Discord, s_at);

        outbox.PruneDelivered(s_at.AddDays(1)).Should().Be(1);

        outbox.ReadAll().Select(e => e.Alert.Id).Should().Equal("pending");
    }

    [Fact]
    public void A_file_that_is_not_a_database_gives_a_clear_error()
    {
        var path = _dir.File("garbage.db");
        File.WriteAllText(path, new string('x', 4096));

        var act = () => new AlertOutbox(path);

        act.Should().Throw<InvalidOperationException>().WithMessage("*garbage.db*cannot be opened*");
    }

    private static Alert Alert(string id) => new(id, AlertKind.SystemError, AlertSeverity.Critical, s_at, "text " + id);

    private static void CreateBusinessTable(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE IF NOT EXISTS positions (id TEXT PRIMARY KEY);";
        command.ExecuteNonQuery();
    }

    private static void InsertPosition(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO positions (id) VALUES ($id);";
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
    }

    private static long CountPositions(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM positions;";
        return (long)command.ExecuteScalar()!;
    }
}
