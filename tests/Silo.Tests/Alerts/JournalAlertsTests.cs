using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Operations.Alerts.Delivery;
using TradingBot.Operations.Alerts.Outbox;
using TradingBot.Silo.Alerts;
using TradingBot.Trading.Journal;

namespace TradingBot.Silo.Tests.Alerts;

/// <summary>
/// An alert is stored in the same step as its cause: the journal record and its alert share one SQLite
/// transaction in one file, so a crash keeps both or neither; replays and the stream path add no copy.
/// </summary>
public sealed class JournalAlertsTests : IDisposable
{
    private static readonly DateTimeOffset s_at = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("journal-alerts-").FullName;

    private string DatabasePath => Path.Combine(_dir, TradeJournal.DefaultFileName);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void A_closed_trade_and_its_alert_are_committed_together()
    {
        var outbox = new AlertOutbox(DatabasePath);
        using var journal = new TradeJournal(DatabasePath, new JournalAlerts(outbox));

        journal.RecordTrade(Closed("pos-1"));

        journal.Count("trades").Should().Be(1);
        outbox.ReadAll().Select(e => e.Alert.Id).Should().Equal("TakeProfitHit:pos-1:closed");
        outbox.ReadAll()[0].Alert.Text.Should().Contain("🎯 익절 청산 (전략 A)").And.Contain("심볼: BTCUSDT");
    }

    [Fact]
    public void A_crash_before_the_step_commits_keeps_neither_and_the_replayed_cause_alerts_exactly_once()
    {
        var outbox = new AlertOutbox(DatabasePath);
        using (var crashing = new TradeJournal(DatabasePath, new CrashAfterAlert(new JournalAlerts(outbox))))
        {
            // The process dies after both rows were written but before the commit.
            var act = () => crashing.RecordTrade(Closed("pos-2"));
            act.Should().Throw<IOException>();
            crashing.Count("trades").Should().Be(0);
        }

        outbox.ReadAll().Should().BeEmpty("a cause without its alert, or an alert without its cause, is never stored");

        // Restart: the cause is recorded again (the grain replays it), then the stream path sees the same event.
        var restarted = new AlertOutbox(DatabasePath);
        using var journal = new TradeJournal(DatabasePath, new JournalAlerts(restarted));
        journal.RecordTrade(Closed("pos-2"));
        journal.RecordTrade(Closed("pos-2"));
        restarted.Enqueue(AlertMapping.ToAlert(Closed("pos-2"), s_at, 0)!).Should().BeFalse("the bridge's copy has the same id");

        restarted.ReadAll().Select(e => e.Alert.Id).Should().Equal("TakeProfitHit:pos-2:closed");
    }

    [Fact]
    public async Task A_stored_alert_survives_a_crash_before_delivery_and_reaches_the_webhook_once()
    {
        using (var journal = new TradeJournal(DatabasePath, new JournalAlerts(new AlertOutbox(DatabasePath))))
        {
            journal.RecordPositionOpened(new PositionOpened("pos-3", "B", "ETHUSDT", Direction.Bearish, 2_600m, 1.5m, 5, 2_650m, 2_450m, s_at));
            journal.RecordTrade(Closed("pos-3"));
        }

        // Killed before any delivery; on restart the deliverer drains the file.
        await using var receiver = await Receiver.StartAsync();
        var outbox = new AlertOutbox(DatabasePath);
        using var http = new HttpClient();
        var deliverer = new DiscordAlertDeliverer(outbox, http, new AlertDeliveryOptions { DiscordWebhookUrl = receiver.Url }, TimeProvider.System, NullLogger<DiscordAlertDeliverer>.Instance);
        (await deliverer.DeliverDueAsync(CancellationToken.None)).Completed.Should().Be(2);
        outbox.Enqueue(AlertMapping.ToAlert(Closed("pos-3"), s_at, 0)!);
        await deliverer.DeliverDueAsync(CancellationToken.None);

        receiver.Bodies.Should().HaveCount(2);
        receiver.Bodies.First().Should().Contain("포지션 진입 (전략 B)");
        receiver.Bodies.Last().Should().Contain("익절 청산");
    }

    [Fact]
    public void An_order_failure_alerts_once_however_often_it_is_recorded()
    {
        var outbox = new AlertOutbox(DatabasePath);
        using var journal = new TradeJournal(DatabasePath, new JournalAlerts(outbox));

        journal.RecordOrder("tb-entry-x-0", "BTCUSDT", OrderSide.Buy, OrderPurpose.Entry, 0.1m, null, "PENDING", 0, null, s_at);
        journal.RecordOrder("tb-entry-x-0", "BTCUSDT", OrderSide.Buy, OrderPurpose.Entry, 0.1m, null, "FAILED", 3, "-2019 margin is insufficient", s_at);
        journal.RecordOrder("tb-entry-x-0", "BTCUSDT", OrderSide.Buy, OrderPurpose.Entry, 0.1m, null, "FAILED", 3, "-2019 margin is insufficient", s_at);

        var alerts = outbox.ReadAll();
        alerts.Select(e => e.Alert.Id).Should().Equal("OrderFailed:tb-entry-x-0:failed");
        alerts[0].Alert.Text.Should().Contain("-2019 margin is insufficient");
    }

    private static PositionClosed Closed(string id) =>
        new(id, "A", "BTCUSDT", Direction.Bullish, 100_000m, 103_000m, 0.01m, 30m, 0.4m, ExitReason.TakeProfit, 3m, s_at.AddHours(-1), s_at);

    /// <summary>Stands for a kill after the alert insert and before the commit.</summary>
    private sealed class CrashAfterAlert(IJournalOutbox inner) : IJournalOutbox
    {
        public void PositionOpened(SqliteConnection connection, SqliteTransaction transaction, PositionOpened opened) => throw new IOException("killed");

        public void TradeClosed(SqliteConnection connection, SqliteTransaction transaction, PositionClosed closed)
        {
            inner.TradeClosed(connection, transaction, closed);
            throw new IOException("killed");
        }

        public void OrderFailed(SqliteConnection connection, SqliteTransaction transaction, OrderFailed failed) => throw new IOException("killed");
    }

    /// <summary>A local webhook that records every body it accepts.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Receiver(WebApplication app, string url)
        {
            _app = app;
            Url = url;
        }

        public string Url { get; }

        public ConcurrentQueue<string> Bodies { get; } = new();

        public static async Task<Receiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            Receiver? receiver = null;
            app.MapPost("/api/webhooks/1/token", async (HttpContext context) =>
            {
                using var reader = new StreamReader(context.Request.Body);
                using var body = JsonDocument.Parse(await reader.ReadToEndAsync());
                receiver!.Bodies.Enqueue(body.RootElement.GetProperty("content").GetString()!);
                return Results.NoContent();
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            receiver = new Receiver(app, address.TrimEnd('/') + "/api/webhooks/1/token");
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
