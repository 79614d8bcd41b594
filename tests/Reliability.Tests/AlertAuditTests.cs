using Microsoft.Data.Sqlite;
using TradingBot.Chaos.Alerts;
using TradingBot.Chaos.Invariants;
using TradingBot.Chaos.Process;

namespace TradingBot.Reliability.Tests;

/// <summary>The outbox-versus-webhook comparison: lost, duplicated, and re-sent because of a kill.</summary>
public sealed class AlertAuditTests : IDisposable
{
    private static readonly DateTimeOffset s_t0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _data = Directory.CreateTempSubdirectory("chaos-audit-").FullName;

    public AlertAuditTests()
    {
        SqliteFiles.EnsureInitialized();
        Execute("""
            CREATE TABLE alert_outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, severity TEXT NOT NULL,
              text TEXT NOT NULL, created_ms INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, failures INTEGER NOT NULL DEFAULT 0,
              next_attempt_ms INTEGER NULL, delivered_ms INTEGER NULL, delivery TEXT NULL, last_error TEXT NULL);
            INSERT INTO alert_outbox (id, kind, severity, text, created_ms, delivered_ms) VALUES ('a', 'PositionOpened', 'info', 'opened BTC', 1, 2);
            INSERT INTO alert_outbox (id, kind, severity, text, created_ms, delivered_ms) VALUES ('b', 'PositionClosed', 'info', 'closed BTC', 1, 2);
            """);
    }

    [Fact]
    public void Each_alert_received_once_is_clean()
    {
        var (lost, duplicated, redelivered) = Audit([new("opened BTC", s_t0), new("closed BTC", s_t0.AddSeconds(1))], []);

        lost.Should().BeEmpty();
        duplicated.Should().BeEmpty();
        redelivered.Should().Be(0);
    }

    [Fact]
    public void A_late_notice_suffix_still_matches_its_alert()
    {
        var (lost, duplicated, _) = Audit([new("opened BTC\n⏱ 발생 시각: 2026-01-01 00:00:00 UTC (지연 전송)", s_t0), new("closed BTC", s_t0)], []);

        lost.Should().BeEmpty();
        duplicated.Should().BeEmpty();
    }

    [Fact]
    public void A_missing_receipt_is_lost_and_an_unexplained_second_copy_is_a_duplicate()
    {
        var (lost, duplicated, _) = Audit([new("opened BTC", s_t0), new("opened BTC", s_t0.AddSeconds(5))], []);

        lost.Should().ContainSingle().Which.Should().Contain("b");
        duplicated.Should().ContainSingle().Which.Should().Contain("no kill in between");
    }

    [Fact]
    public void A_second_copy_after_a_kill_is_an_at_least_once_redelivery()
    {
        var (lost, duplicated, redelivered) = Audit([new("opened BTC", s_t0), new("closed BTC", s_t0), new("opened BTC", s_t0.AddSeconds(9))], [s_t0.AddSeconds(1)]);

        lost.Should().BeEmpty();
        duplicated.Should().BeEmpty();
        redelivered.Should().Be(1);
    }

    [Fact]
    public void An_undelivered_row_is_lost()
    {
        Execute("INSERT INTO alert_outbox (id, kind, severity, text, created_ms) VALUES ('c', 'SystemStarted', 'info', 'started', 3);");

        var (lost, _, _) = Audit([new("opened BTC", s_t0), new("closed BTC", s_t0)], []);

        lost.Should().ContainSingle().Which.Should().Contain("never marked delivered");
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private (List<string> Lost, List<string> Duplicated, int Redelivered) Audit(IReadOnlyList<ReceivedAlert> received, IReadOnlyList<DateTimeOffset> kills) =>
        new FinalAudit(_data).CompareAlerts(received, kills);

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "alerts.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
