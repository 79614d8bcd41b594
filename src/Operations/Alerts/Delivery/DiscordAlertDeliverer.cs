using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingBot.Operations.Alerts.Outbox;

namespace TradingBot.Operations.Alerts.Delivery;

/// <summary>
/// Drains the <see cref="AlertOutbox"/> to the Discord webhook on its own task, strictly in insertion order: a
/// failing head blocks later alerts until it is delivered, so a reader never sees "closed" before "opened".
/// Retries 5xx/network errors with capped exponential backoff, waits out 429s as Discord says, and marks a row
/// delivered only on 2xx. State lives in SQLite, so undelivered alerts resume after a restart. All waiting goes
/// through <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class DiscordAlertDeliverer : BackgroundService
{
    private readonly AlertOutbox _outbox;
    private readonly AlertDeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordAlertDeliverer> _logger;
    private readonly DiscordWebhookClient _client;
    private readonly Uri? _webhook;
    private DateTimeOffset _bucketResetUtc = DateTimeOffset.MinValue;

    /// <exception cref="ArgumentException">The options are invalid (see <see cref="AlertDeliveryOptions.Validate"/>).</exception>
    public DiscordAlertDeliverer(
        AlertOutbox outbox,
        HttpClient httpClient,
        AlertDeliveryOptions options,
        TimeProvider time,
        ILogger<DiscordAlertDeliverer> logger)
    {
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        ArgumentNullException.ThrowIfNull(httpClient);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid alert configuration: " + string.Join(" ", errors), nameof(options));
        }

        _client = new DiscordWebhookClient(httpClient, time);
        _webhook = options.HasWebhook ? new Uri(options.DiscordWebhookUrl!) : null;
    }

    /// <summary>
    /// Delivers alerts from the head of the queue until it is empty or the head must wait (backoff, rate limit).
    /// The background loop calls this; tests call it directly with a manual clock.
    /// </summary>
    public async Task<AlertDeliveryPass> DeliverDueAsync(CancellationToken cancellation)
    {
        var completed = 0;
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            var head = _outbox.PeekHead();
            if (head is null)
            {
                return new AlertDeliveryPass(completed, null);
            }

            var now = _time.GetUtcNow();
            var notBefore = head.NextAttemptUtc is { } next && next > _bucketResetUtc ? next : _bucketResetUtc;
            if (notBefore > now && _webhook is not null && _options.IsEnabled(head.Alert.Kind))
            {
                return new AlertDeliveryPass(completed, notBefore);
            }

            if (await TryCompleteAsync(head, now, cancellation))
            {
                completed++;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        PruneOldRows();
        if (_webhook is null)
        {
            LogNoWebhook(_logger);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            _outbox.Enqueued.Reset();
            AlertDeliveryPass pass;
            try
            {
                pass = await DeliverDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A locked or damaged database must not take the silo down; try again later.
                LogPassFailed(_logger, e);
                pass = new AlertDeliveryPass(0, _time.GetUtcNow() + _options.PollInterval);
            }

            await WaitAsync(pass, stoppingToken);
        }
    }

    private async Task<bool> TryCompleteAsync(OutboxEntry head, DateTimeOffset now, CancellationToken cancellation)
    {
        var alert = head.Alert;
        if (!_options.IsEnabled(alert.Kind))
        {
            _outbox.MarkDone(head.Seq, AlertDelivery.Disabled, now);
            return true;
        }

        if (_webhook is null)
        {
            LogAlert(alert);
            _outbox.MarkDone(head.Seq, AlertDelivery.Logged, now);
            return true;
        }

        var result = await _client.PostAsync(_webhook, Content(alert, now), _options.RequestTimeout, cancellation);
        var after = _time.GetUtcNow();
        switch (result.Outcome)
        {
            case WebhookOutcome.Delivered:
                _outbox.MarkDone(head.Seq, AlertDelivery.Discord, after);
                if (result.RetryAfter is { } bucketReset)
                {
                    _bucketResetUtc = after + bucketReset;
                }

                return true;

            case WebhookOutcome.Rejected:
                LogRejected(_logger, alert.Id, result.Error);
                _outbox.MarkDone(head.Seq, AlertDelivery.Rejected, after, result.Error);
                return true;

            case WebhookOutcome.RateLimited:
                LogFirstFailure(head);
                var wait = result.RetryAfter ?? _options.InitialBackoff;
                LogRateLimited(_logger, alert.Id, wait.TotalSeconds);
                _outbox.MarkFailed(head.Seq, result.Error ?? "rate limited", after + wait);
                return false;

            default:
                LogFirstFailure(head);
                var backoff = Backoff(head.Failures + 1);
                LogRetrying(_logger, alert.Id, head.Failures + 1, result.Error, backoff.TotalSeconds);
                _outbox.MarkFailed(head.Seq, result.Error ?? "failed", after + backoff);
                return false;
        }
    }

    /// <summary>Initial × 2^(failures−1), capped at <see cref="AlertDeliveryOptions.MaxBackoff"/>.</summary>
    internal TimeSpan Backoff(int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = _options.InitialBackoff.Ticks * Math.Pow(2, exponent);
        return ticks >= _options.MaxBackoff.Ticks ? _options.MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }

    private string Content(Alert alert, DateTimeOffset now)
    {
        var text = alert.Text;
        if (now - alert.CreatedUtc > _options.LateNoticeAfter)
        {
            text += "\n⏱ 발생 시각: " + alert.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC (지연 전송)";
        }

        return DiscordContent.Fit(text);
    }

    private async Task WaitAsync(AlertDeliveryPass pass, CancellationToken stoppingToken)
    {
        var wait = pass.BlockedUntilUtc is { } until ? until - _time.GetUtcNow() : _options.PollInterval;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(wait, _time, wake.Token);
        // While the head waits out a backoff a new alert changes nothing; when the queue is empty it does.
        try
        {
            if (pass.QueueEmpty)
            {
                await Task.WhenAny(delay, _outbox.Enqueued.WaitAsync());
            }
            else
            {
                await delay;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            // Woken by an enqueue: release the pending delay's timer.
            await wake.CancelAsync();
            await delay.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private void PruneOldRows()
    {
        try
        {
            var removed = _outbox.PruneDelivered(_time.GetUtcNow() - _options.RetainDelivered);
            if (removed > 0)
            {
                LogPruned(_logger, removed);
            }
        }
        catch (Exception e)
        {
            LogPassFailed(_logger, e);
        }
    }

    // While Discord is unreachable the text is at least in the log and the journal.
    private void LogFirstFailure(OutboxEntry head)
    {
        if (head.Failures == 0)
        {
            LogUndelivered(_logger, head.Alert.Kind, head.Alert.Id, head.Alert.Text);
        }
    }

    private void LogAlert(Alert alert)
    {
        var level = alert.Severity switch
        {
            AlertSeverity.Critical => LogLevel.Error,
            AlertSeverity.Warning => LogLevel.Warning,
            _ => LogLevel.Information,
        };
        LogAlertOnly(_logger, level, alert.Kind, alert.Id, alert.Text);
    }

    [LoggerMessage(Message = "Alert {AlertKind} ({AlertId}) [no Discord webhook configured]:\n{AlertText}")]
    private static partial void LogAlertOnly(ILogger logger, LogLevel level, AlertKind alertKind, string alertId, string alertText);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertKind} ({AlertId}) could not be sent to Discord yet; it stays queued. Text:\n{AlertText}")]
    private static partial void LogUndelivered(ILogger logger, AlertKind alertKind, string alertId, string alertText);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Discord webhook configured (DISCORD_WEBHOOK_URL): alerts are written to the log only")]
    private static partial void LogNoWebhook(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate-limited alert {AlertId}; retrying in {Seconds:0.###} s")]
    private static partial void LogRateLimited(ILogger logger, string alertId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} delivery attempt {Failure} failed ({Error}); retrying in {Seconds:0.###} s; later alerts wait behind it")]
    private static partial void LogRetrying(ILogger logger, string alertId, int failure, string? error, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord rejected alert {AlertId} for good ({Error}); it stays in the outbox marked Rejected")]
    private static partial void LogRejected(ILogger logger, string alertId, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert delivery pass failed; retrying after the poll interval")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} delivered alerts past retention")]
    private static partial void LogPruned(ILogger logger, int count);
}
