using System.Globalization;
using System.Net.Http.Headers;
using TradingBot.Exchange.Port;

namespace TradingBot.Exchange.Binance.Rest;

/// <summary>
/// One gate per client: a "blocked until" clock set from 429/418 Retry-After (0 or missing → next minute boundary),
/// and a fixed-window weight budget aligned to the minute that is pre-charged and corrected from X-MBX-USED-WEIGHT-1M.
/// </summary>
internal sealed class RateLimitGate(TimeProvider timeProvider, int weightLimitPerMinute, TimeSpan maxWait, bool waitForNextMinuteWithoutRetryAfter)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _usedWeight;
    private int _orders10s;
    private int _orders1m;
    private DateTimeOffset? _blockedUntil;
    private long _hits;

    public RateLimitStatus Status
    {
        get
        {
            lock (_gate)
            {
                return new RateLimitStatus(_usedWeight, _orders10s, _orders1m, _blockedUntil, _hits);
            }
        }
    }

    /// <summary>Waits until the request may be sent (blocked-until passed, weight available); throws when the wait would exceed the maximum.</summary>
    public async Task AcquireAsync(int weight, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            DateTimeOffset until;
            lock (_gate)
            {
                var now = timeProvider.GetUtcNow();
                RollWindow(now);
                if (_blockedUntil is { } blocked && blocked > now)
                {
                    until = blocked;
                }
                else if (_usedWeight + weight > weightLimitPerMinute && weight > 0)
                {
                    until = _windowStart.AddMinutes(1);
                }
                else
                {
                    _usedWeight += weight;
                    return;
                }

                wait = until - now;
            }

            if (wait > maxWait)
            {
                throw new ExchangeRateLimitException(-1003, null, until, $"Rate limited until {until:O}; not sending.");
            }

            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the usage headers of any reply.</summary>
    public void Observe(HttpResponseHeaders headers)
    {
        lock (_gate)
        {
            RollWindow(timeProvider.GetUtcNow());
            if (TryHeaderInt(headers, "X-MBX-USED-WEIGHT-1M", out var w))
            {
                _usedWeight = w;
            }

            if (TryHeaderInt(headers, "X-MBX-ORDER-COUNT-10S", out var o10))
            {
                _orders10s = o10;
            }

            if (TryHeaderInt(headers, "X-MBX-ORDER-COUNT-1M", out var o1))
            {
                _orders1m = o1;
            }
        }
    }

    /// <summary>Records a 429/418 and returns when sending may resume.</summary>
    public DateTimeOffset Block(HttpResponseHeaders headers)
    {
        var now = timeProvider.GetUtcNow();
        var until = RetryAt(headers, now);
        lock (_gate)
        {
            _hits++;
            if (_blockedUntil is null || until > _blockedUntil)
            {
                _blockedUntil = until;
            }

            return _blockedUntil.Value;
        }
    }

    private DateTimeOffset RetryAt(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var retry = headers.RetryAfter;
        if (retry?.Delta is { } delta && delta > TimeSpan.Zero)
        {
            return now + delta;
        }

        if (retry?.Date is { } date && date > now)
        {
            return date;
        }

        if (headers.TryGetValues("Retry-After", out var raw)
            && int.TryParse(raw.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            return now.AddSeconds(seconds);
        }

        if (!waitForNextMinuteWithoutRetryAfter)
        {
            return now.AddSeconds(1);
        }

        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        return minute.AddMinutes(1);
    }

    private void RollWindow(DateTimeOffset now)
    {
        var minute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        if (minute != _windowStart)
        {
            _windowStart = minute;
            _usedWeight = 0;
        }
    }

    private static bool TryHeaderInt(HttpResponseHeaders headers, string name, out int value)
    {
        value = 0;
        return headers.TryGetValues(name, out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
