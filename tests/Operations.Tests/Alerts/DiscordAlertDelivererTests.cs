using Microsoft.Extensions.Logging;
using TradingBot.Operations.Alerts;
using TradingBot.Operations.Alerts.Delivery;
using TradingBot.Operations.Alerts.Outbox;
using TradingBot.Operations.Tests.Support;

namespace TradingBot.Operations.Tests.Alerts;

/// <summary>The deliverer against a real HTTP receiver on 127.0.0.1, with a manual clock driving every wait.</summary>
public sealed class DiscordAlertDelivererTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _clock = new(s_start);
    private readonly ListLogger<DiscordAlertDeliverer> _log = new();
    private readonly HttpClient _http = new();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Delivers_in_order_with_the_text_as_content()
    {
        var outbox = Outbox();
        Enqueue(outbox, "one", "two", "three");
        using var deliverer = Deliverer(outbox);

        var pass = await deliverer.DeliverDueAsync(CancellationToken.None);

        pass.Should().Be(new AlertDeliveryPass(3, null));
        _receiver.Delivered.Should().Equal("one", "two", "three");
        _receiver.LastBody.Should().Contain("\"allowed_mentions\":{\"parse\":[]}");
        outbox.GetStats().Should().Match<AlertOutboxStats>(s => s.Pending == 0 && s.Delivered == 3 && s.FailedAttempts == 0);
    }

    [Fact]
    public async Task Rate_limit_retry_after_from_the_json_body_is_honoured_to_the_millisecond()
    {
        var outbox = Outbox();
        Enqueue(outbox, "one", "two");
        _receiver.Enqueue(new Reply.RateLimitedBody(2.5));
        using var deliverer = Deliverer(outbox);

        var pass = await deliverer.DeliverDueAsync(CancellationToken.None);
        pass.Should().Be(new AlertDeliveryPass(0, s_start.AddSeconds(2.5)));

        _clock.Advance(TimeSpan.FromMilliseconds(2499));
        (await deliverer.DeliverDueAsync(CancellationToken.None)).Completed.Should().Be(0);
        _receiver.Received.Should().HaveCount(1, "nothing may be sent before retry_after has passed");

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        (await deliverer.DeliverDueAsync(CancellationToken.None)).Completed.Should().Be(2);
        _receiver.Received.Should().Equal("one", "one", "two");
        _receiver.Delivered.Should().Equal("one", "two");
        outbox.GetStats().FailedAttempts.Should().Be(1);
    }

    [Fact]
    public async Task Rate_limit_retry_after_header_is_used_when_the_body_is_not_json()
    {
        var outbox = Outbox();
        Enqueue(outbox, "one");
        _receiver.Enqueue(new Reply.RateLimitedHeader(7));
        using var deliverer = Deliverer(outbox);

        (await deliverer.DeliverDueAsync(CancellationToken.None)).BlockedUntilUtc.Should().Be(s_start.AddSeconds(7));
    }

    [Fact]
    public async Task Server_errors_back_off_exponentially_and_block_later_alerts()
    {
        var outbox = Outbox();
        Enqueue(outbox, "one", "two");
        _receiver.Enqueue(Reply.ServerError, Reply.ServerError, Reply.ServerError);
        using var deliverer = Deliverer(outbox);

        var blocked = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var pass = await deliverer.DeliverDueAsync(CancellationToken.None);
            pass.Completed.Should().Be(0);
            _receiver.Delivered.Should().BeEmpty("'two' must wait behind the failing 'one'");
            blocked.Add(pass.BlockedUntilUtc!.Value - _clock.GetUtcNow());
            _clock.Advance(blocked[^1]);
        }

        blocked.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        (await deliverer.DeliverDueAsync(CancellationToken.None)).Completed.Should().Be(2);
        _receiver.Delivered.Should().Equal("one", "two");
        var head = outbox.ReadAll()[0];
        head.Failures.Should().Be(3);
        head.LastError.Should().StartWith("HTTP 500");
        _log.Entries.Should().ContainSingle(e => e.Message.Contains("could not be sent to Discord yet", StringComparison.Ordinal) && e.Message.EndsWith("\none", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deleted_webhook_keeps_the_queue_in_order_and_says_what_to_fix()
    {
        var outbox = Outbox();
        Enqueue(outbox, "one", "two");
        _receiver.Enqueue(new Reply.Status(404));
        using var deliverer = Deliverer(outbox);

        var pass = await deliverer.DeliverDueAsync(CancellationToken.None);

        pass.Completed.Should().Be(0);
        outbox.ReadAll()[0].LastError.Should().Contain("fix DISCORD_WEBHOOK_URL");
        _clock.Advance(TimeSpan.FromSeconds(1));
        (await deliverer.DeliverDueAsync(CancellationToken.None)).Completed.Should().Be(2);
        _receiver.Delivered.Should().Equal("one", "two");
    }

    [Fact]
    public void Backoff_is_capped()
    {
        using var deliverer = Deliverer(Outbox(), new AlertDeliveryOptions
        {
            DiscordWebhookUrl = _receiver.Url.ToString(),
            InitialBackoff = TimeSpan.FromSeconds(1),
            MaxBackoff = TimeSpan.FromSeconds(30),
        });

        Enumerable.Range(1, 8).Select(deliverer.Backoff).Should().Equal(
            new[] { 1, 2, 4, 8, 16, 30, 30, 30 }.Select(s => TimeSpan.FromSeconds(s)));
        deliverer.Backoff(10_000).Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Every_alert_arrives_exactly_once_in_order_across_outage_and_restart()
    {
        var path = _dir.File("alerts.db");
        var outbox = new AlertOutbox(path);
        Enqueue(outbox, "a1", "a2", "a3", "a4", "a5");

        // First life: a1 goes through, then Discord answers 500, then the network is gone.
        _receiver.Enqueue(Reply.Ok, Reply.ServerError);
        using (var first = Deliverer(outbox))
        {
            var pass = await first.DeliverDueAsync(CancellationToken.None);
            pass.Completed.Should().Be(1);
            await _receiver.DisposeAsync();
            _clock.Advance(TimeSpan.FromSeconds(1));
            pass = await first.DeliverDueAsync(CancellationToken.None);
            pass.Completed.Should().Be(0);
            outbox.ReadAll()[1].LastError.Should().StartWith("network error");
        }

        var firstLife = _receiver.Delivered;
        firstLife.Should().Equal("a1");

        // Crash and restart: new outbox object and deliverer over the same file, Discord back (new receiver).
        Enqueue(new AlertOutbox(path), "a6");
        _receiver = await WebhookReceiver.StartAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));
        var restarted = new AlertOutbox(path);
        using (var second = Deliverer(restarted))
        {
            (await second.DeliverDueAsync(CancellationToken.None)).Completed.Should().Be(5);
        }

        firstLife.Concat(_receiver.Delivered).Should().Equal("a1", "a2", "a3", "a4", "a5", "a6");
        restarted.GetStats().Should().Match<AlertOutboxStats>(s => s.Pending == 0 && s.Delivered == 6 && s.FailedAttempts == 2);
    }

    [Fact]
    public async Task Background_service_drains_the_queue_through_429_and_500_with_the_clock_driving_every_wait()
    {
        var outbox = Outbox();
        var options = Options();
        options.RequestTimeout = TimeSpan.FromHours(1);
        _receiver.Enqueue(Reply.Ok, new Reply.RateLimitedBody(0.75), Reply.ServerError, Reply.ServerError, Reply.Ok);
        using var deliverer = Deliverer(outbox, options);
        await deliverer.StartAsync(CancellationToken.None);

        for (var i = 1; i <= 6; i++)
        {
            outbox.Enqueue(Alert("bg" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (_receiver.Delivered.Count < 6)
        {
            // Advance only to the deliverer's own waits (poll, backoff, retry_after), never to the request timeout.
            var wait = await _clock.WaitForTimerAsync(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30));
            guard.IsCancellationRequested.Should().BeFalse();
            _clock.Advance(wait);
        }

        await deliverer.StopAsync(CancellationToken.None);
        _receiver.Delivered.Should().Equal("bg1", "bg2", "bg3", "bg4", "bg5", "bg6");
        _receiver.Received.Should().Equal("bg1", "bg2", "bg2", "bg2", "bg2", "bg3", "bg4", "bg5", "bg6");
        outbox.GetStats().Should().Match<AlertOutboxStats>(s => s.Pending == 0 && s.Delivered == 6 && s.FailedAttempts == 3);
    }

    [Fact]
    public async Task An_alert_committed_after_its_wake_up_is_picked_up_by_the_poll()
    {
        var outbox = Outbox();
        var options = Options();
        options.RequestTimeout = TimeSpan.FromHours(1);
        using var deliverer = Deliverer(outbox, options);
        await deliverer.StartAsync(CancellationToken.None);
        // Idle first (start-up pruning done): a write transaction held meanwhile would make that prune wait.
        await _clock.WaitForTimerAsync(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30));

        var timers = _clock.TimersCreated;

        using (var connection = outbox.OpenConnection())
        using (var transaction = connection.BeginTransaction())
        {
            outbox.Enqueue(connection, transaction, Alert("in-tx"));
            // The wake-up fires now, before commit: the deliverer finds nothing and starts a new poll wait.
            await _clock.WaitForTimersCreatedAsync(timers, TimeSpan.FromSeconds(30));
            transaction.Commit();
        }

        _receiver.Received.Should().BeEmpty();
        _clock.Advance(options.PollInterval);
        await _receiver.WaitForDeliveredAsync(1, TimeSpan.FromSeconds(30));
        await deliverer.StopAsync(CancellationToken.None);

        _receiver.Delivered.Should().Equal("in-tx");
    }

    [Fact]
    public async Task A_message_Discord_rejects_is_kept_as_rejected_and_does_not_block_the_rest()
    {
        var outbox = Outbox();
        Enqueue(outbox, "bad", "good");
        _receiver.Enqueue(Reply.BadRequest);
        using var deliverer = Deliverer(outbox);

        (await deliverer.DeliverDueAsync(CancellationToken.None)).Completed.Should().Be(2);

        _receiver.Delivered.Should().Equal("good");
        var bad = outbox.ReadAll()[0];
        bad.Delivery.Should().Be(AlertDelivery.Rejected);
        bad.LastError.Should().StartWith("HTTP 400");
        outbox.GetStats().Rejected.Should().Be(1);
        _log.Entries.Should().Contain(e => e.Level == LogLevel.Error && e.Message.Contains("rejected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_webhook_alerts_are_logged_at_their_severity_and_marked_logged()
    {
        var outbox = Outbox();
        outbox.Enqueue(new Alert("x", AlertKind.DailyLossLimitReached, AlertSeverity.Critical, s_start, "limit reached"));
        using var deliverer = Deliverer(outbox, new AlertDeliveryOptions());

        (await deliverer.DeliverDueAsync(CancellationToken.None)).Completed.Should().Be(1);

        _receiver.Received.Should().BeEmpty();
        outbox.ReadAll()[0].Delivery.Should().Be(AlertDelivery.Logged);
        _log.Entries.Should().ContainSingle(e => e.Level == LogLevel.Error && e.Message.Contains("limit reached", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disabled_kinds_are_skipped()
    {
        var outbox = Outbox();
        outbox.Enqueue(new Alert("r", AlertKind.WebSocketReconnected, AlertSeverity.Info, s_start, "reconnected"));
        outbox.Enqueue(Alert("kept"));
        var options = Options();
        options.Kinds["WebSocketReconnected"] = false;
        using var deliverer = Deliverer(outbox, options);

        (await deliverer.DeliverDueAsync(CancellationToken.None)).Completed.Should().Be(2);

        _receiver.Delivered.Should().Equal("kept");
        outbox.ReadAll()[0].Delivery.Should().Be(AlertDelivery.Disabled);
    }

    [Fact]
    public async Task Long_text_is_cut_below_2000_characters_without_splitting_a_character()
    {
        var outbox = Outbox();
        var text = string.Concat(Enumerable.Repeat("가🟢", 1500));
        outbox.Enqueue(Alert("long") with { Text = text });
        using var deliverer = Deliverer(outbox);

        await deliverer.DeliverDueAsync(CancellationToken.None);

        var sent = _receiver.Delivered.Single();
        sent.Length.Should().BeLessThanOrEqualTo(2000);
        sent.Should().EndWith("\n…(잘림)");
        var body = sent[..^"\n…(잘림)".Length];
        char.IsHighSurrogate(body[^1]).Should().BeFalse();
        text.Should().StartWith(body);
    }

    [Fact]
    public async Task A_late_alert_says_when_it_happened()
    {
        var outbox = Outbox();
        Enqueue(outbox, "late");
        _clock.Advance(TimeSpan.FromMinutes(10));
        using var deliverer = Deliverer(outbox);

        await deliverer.DeliverDueAsync(CancellationToken.None);

        _receiver.Delivered.Single().Should().Be("late\n⏱ 발생 시각: 2026-11-21 08:00:00 UTC (지연 전송)");
    }

    [Fact]
    public async Task An_exhausted_rate_limit_bucket_delays_the_next_message_instead_of_provoking_a_429()
    {
        var outbox = Outbox();
        Enqueue(outbox, "one", "two");
        _receiver.Enqueue(new Reply.OkBucketExhausted(1.5));
        using var deliverer = Deliverer(outbox);

        (await deliverer.DeliverDueAsync(CancellationToken.None)).Should().Be(new AlertDeliveryPass(1, s_start.AddSeconds(1.5)));
        _clock.Advance(TimeSpan.FromSeconds(1.5));
        (await deliverer.DeliverDueAsync(CancellationToken.None)).Completed.Should().Be(1);

        _receiver.Received.Should().Equal("one", "two");
    }

    [Fact]
    public void Invalid_options_are_refused_without_echoing_the_url()
    {
        var act = () => Deliverer(Outbox(), new AlertDeliveryOptions { DiscordWebhookUrl = "ftp://secret-token-host/x" });

        act.Should().Throw<ArgumentException>().Where(e => !e.Message.Contains("secret-token-host", StringComparison.Ordinal))
            .WithMessage("*DISCORD_WEBHOOK_URL*");
    }

    private static Alert Alert(string text) => new(text, AlertKind.SystemError, AlertSeverity.Critical, s_start, text);

    private static void Enqueue(AlertOutbox outbox, params string[] texts)
    {
        foreach (var text in texts)
        {
            outbox.Enqueue(Alert(text)).Should().BeTrue();
        }
    }

    private AlertOutbox Outbox() => new(_dir.File("alerts.db"));

    private AlertDeliveryOptions Options() => new() { DiscordWebhookUrl = _receiver.Url.ToString() };

    private DiscordAlertDeliverer Deliverer(AlertOutbox outbox, AlertDeliveryOptions? options = null) =>
        new(outbox, _http, options ?? Options(), _clock, _log);
}
