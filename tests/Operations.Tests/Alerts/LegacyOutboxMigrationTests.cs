using TradingBot.Operations.Alerts;
using TradingBot.Operations.Alerts.Outbox;
using TradingBot.Operations.Tests.Support;

namespace TradingBot.Operations.Tests.Alerts;

/// <summary>Alerts still pending in an old <c>alerts.db</c> move into the outbox in the trade journal's file.</summary>
public sealed class LegacyOutboxMigrationTests : IDisposable
{
    private static readonly DateTimeOffset s_at = new(2026, 11, 20, 23, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Pending_alerts_move_with_their_ids_and_times_delivered_ones_stay_and_the_old_file_is_renamed()
    {
        var legacy = new AlertOutbox(_dir.File("alerts.db"));
        legacy.Enqueue(Alert("delivered"));
        legacy.Enqueue(Alert("pending-1"));
        legacy.Enqueue(Alert("pending-2"));
        legacy.MarkDone(legacy.PeekHead()!.Seq, AlertDelivery.Discord, s_at);
        var target = new AlertOutbox(_dir.File("trades.db"));
        target.Enqueue(Alert("pending-2"));

        var report = LegacyOutboxMigration.Run(_dir.File("alerts.db"), target);

        report.Should().Contain("1 pending alert(s) moved").And.Contain("(1 already there)");
        target.ReadAll().Select(e => e.Alert.Id).Should().Equal("pending-2", "pending-1");
        target.ReadAll().Single(e => e.Alert.Id == "pending-1").Alert.Should().Be(Alert("pending-1"), "kind, severity, time and text are kept");
        File.Exists(_dir.File("alerts.db")).Should().BeFalse();
        File.Exists(_dir.File("alerts.db" + LegacyOutboxMigration.MigratedSuffix)).Should().BeTrue("nothing is deleted");
        LegacyOutboxMigration.Run(_dir.File("alerts.db"), target).Should().BeNull("it runs once");
    }

    [Fact]
    public void Nothing_happens_without_an_old_file_or_when_the_outbox_still_lives_in_it()
    {
        var outbox = new AlertOutbox(_dir.File("alerts.db"));
        outbox.Enqueue(Alert("a"));

        LegacyOutboxMigration.Run(_dir.File("alerts.db"), outbox).Should().BeNull();
        LegacyOutboxMigration.Run(_dir.File("missing.db"), outbox).Should().BeNull();
        outbox.ReadAll().Should().ContainSingle();
    }

    [Fact]
    public void An_unreadable_old_file_is_reported_and_left_untouched()
    {
        File.WriteAllText(_dir.File("alerts.db"), "not a database");
        var target = new AlertOutbox(_dir.File("trades.db"));

        var report = LegacyOutboxMigration.Run(_dir.File("alerts.db"), target);

        report.Should().Contain("could not be moved").And.Contain("left as it is");
        File.ReadAllText(_dir.File("alerts.db")).Should().Be("not a database");
        target.ReadAll().Should().BeEmpty();
    }

    private static Alert Alert(string id) => new(id, AlertKind.PositionOpened, AlertSeverity.Info, s_at, "text " + id);
}
