namespace TradingBot.Exchange.Simulator.Server.Rest;

/// <summary>Options of the server-side limiter (Binance defaults).</summary>
public sealed record RateLimitOptions
{
    public int WeightPerMinute { get; init; } = 2400;
    public int OrdersPer10Seconds { get; init; } = 300;
    public int OrdersPerMinute { get; init; } = 1200;

    /// <summary>Requests tolerated during a Retry-After period before the IP is banned (418).</summary>
    public int RequestsBeforeBan { get; init; } = 3;

    /// <summary>Length of the first 418 ban.</summary>
    public TimeSpan BanDuration { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>Outcome of charging a request.</summary>
internal readonly record struct RateDecision(int Status, int RetryAfterSeconds, int UsedWeight, int Orders10s, int Orders1m);

/// <summary>
/// Fixed-window counters on the server clock: IP weight per minute, order counts per account per 10 s and per minute.
/// Over a limit → 429 with Retry-After; further requests before Retry-After passes → 418 ban.
/// </summary>
internal sealed class RateLimiter(RateLimitOptions options)
{
    private readonly Lock _gate = new();
    private long _weightWindow = -1;
    private int _weight;
    private long _minuteWindow = -1;
    private long _tenSecondWindow = -1;
    private readonly Dictionary<string, int> _ordersMinute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _orders10s = new(StringComparer.Ordinal);
    private DateTimeOffset _limitedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _bannedUntil = DateTimeOffset.MinValue;
    private int _violations;

    public RateLimitOptions Options => options;

    public RateDecision Charge(DateTimeOffset now, int weight, string? orderAccount, bool forced429)
    {
        lock (_gate)
        {
            var ms = now.ToUnixTimeMilliseconds();
            if (ms / 60_000 != _weightWindow)
            {
                _weightWindow = ms / 60_000;
                _weight = 0;
            }

            if (ms / 60_000 != _minuteWindow)
            {
                _minuteWindow = ms / 60_000;
                _ordersMinute.Clear();
            }

            if (ms / 10_000 != _tenSecondWindow)
            {
                _tenSecondWindow = ms / 10_000;
                _orders10s.Clear();
            }

            if (now < _bannedUntil)
            {
                return new RateDecision(418, Seconds(_bannedUntil - now), _weight, 0, 0);
            }

            if (now < _limitedUntil)
            {
                if (++_violations >= options.RequestsBeforeBan)
                {
                    _bannedUntil = now + options.BanDuration;
                    return new RateDecision(418, Seconds(options.BanDuration), _weight, 0, 0);
                }

                return new RateDecision(429, Seconds(_limitedUntil - now), _weight, 0, 0);
            }

            _violations = 0;
            if (forced429)
            {
                _limitedUntil = now + TimeSpan.FromSeconds(1);
                return new RateDecision(429, 1, _weight, 0, 0);
            }

            _weight += weight;
            var o10 = 0;
            var o1m = 0;
            if (orderAccount is not null)
            {
                o10 = _orders10s[orderAccount] = _orders10s.GetValueOrDefault(orderAccount) + 1;
                o1m = _ordersMinute[orderAccount] = _ordersMinute.GetValueOrDefault(orderAccount) + 1;
            }

            if (_weight > options.WeightPerMinute || o10 > options.OrdersPer10Seconds || o1m > options.OrdersPerMinute)
            {
                var windowEnd = _weight > options.WeightPerMinute || o1m > options.OrdersPerMinute
                    ? DateTimeOffset.FromUnixTimeMilliseconds((_weightWindow + 1) * 60_000)
                    : DateTimeOffset.FromUnixTimeMilliseconds((_tenSecondWindow + 1) * 10_000);
                _limitedUntil = windowEnd;
                return new RateDecision(429, Seconds(windowEnd - now), _weight, o10, o1m);
            }

            return new RateDecision(200, 0, _weight, o10, o1m);
        }
    }

    private static int Seconds(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalSeconds));
}
