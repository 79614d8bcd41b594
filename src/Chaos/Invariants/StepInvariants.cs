using System.Text.RegularExpressions;
using TradingBot.Chaos.Exchange;
using TradingBot.Exchange.Simulator.Matching;

namespace TradingBot.Chaos.Invariants;

/// <summary>
/// The invariants checked after every market step against the exchange's books: no duplicate entry per signal,
/// every open position protected within the bound of simulated time, and no entry after the daily loss limit.
/// Also keeps the exchange-side facts the final audit needs (closed round trips, entries).
/// </summary>
internal sealed partial class StepInvariants(ExchangeTruth truth, ChaosOptions options, Action<InvariantViolation> report)
{
    private readonly HashSet<string> _filledSignals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _unprotectedSince = new(StringComparer.Ordinal);
    private readonly HashSet<string> _protectionReported = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _netQuantity = new(StringComparer.Ordinal);
    private readonly HashSet<long> _reportedEntries = [];
    private long _nextOrderId;
    private long _nextTradeId;
    private DateOnly _day;
    private decimal _dayStartWallet;
    private decimal _dayNet;
    private long? _limitCrossedAtMs;

    /// <summary>Positions that went back to flat on the exchange (each is one trade the journal must hold).</summary>
    public int ClosedRoundTrips { get; private set; }

    /// <summary>Entry orders that filled on the exchange.</summary>
    public int FilledEntries { get; private set; }

    /// <summary>Entries placed in the same step as the daily-limit crossing (a race the bot cannot win; not a violation).</summary>
    public int EntriesRacingTheLimit { get; private set; }

    /// <summary>Days on which the realized loss reached the limit.</summary>
    public int LimitDays { get; private set; }

    /// <summary>Longest time a position was seen unprotected, in simulated time.</summary>
    public TimeSpan MaxUnprotected { get; private set; }

    /// <summary>True when some open position lacks its stop or target right now.</summary>
    public bool AnyUnprotected(out IReadOnlyList<PositionView> unprotected)
    {
        var algos = truth.OpenAlgoOrders();
        unprotected = truth.OpenPositions().Where(p => !ExchangeTruth.IsProtected(p, algos)).ToArray();
        return unprotected.Count > 0;
    }

    /// <summary>
    /// Checks the books at market time <paramref name="nowMs"/>. <paramref name="readySinceMs"/> is the market time at
    /// which the current silo life became ready: the protection clock of a position starts at the later of its
    /// first sighting and that moment (market time does not pass while the silo is down, so this only matters for
    /// positions opened before a kill).
    /// </summary>
    public void Check(long step, long nowMs, long readySinceMs)
    {
        ScanFills(step, nowMs);
        ScanOrders(step, nowMs);
        CheckProtection(step, nowMs, readySinceMs);
    }

    private void ScanOrders(long step, long nowMs)
    {
        foreach (var order in truth.OrdersFrom(_nextOrderId))
        {
            if (order.Status is OrderStatus.New or OrderStatus.PartiallyFilled)
            {
                // Look again once it is final.
                break;
            }

            _nextOrderId = order.OrderId + 1;
            if (order.ExecutedQty <= 0 || EntrySignal(order.ClientOrderId) is not { } signal || order.ReduceOnly || order.ClosePosition)
            {
                continue;
            }

            FilledEntries++;
            if (!_filledSignals.Add(signal))
            {
                report(new InvariantViolation(InvariantNames.NoDuplicateEntry, $"signal {signal} filled a second entry order {order.ClientOrderId} (#{order.OrderId})", Time(nowMs), step));
            }

            CheckDailyLimit(step, order);
        }
    }

    private void ScanFills(long step, long nowMs)
    {
        foreach (var fill in truth.TradesFrom(_nextTradeId))
        {
            RollDay(DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(fill.Time).UtcDateTime));
            _nextTradeId = fill.Id + 1;
            _dayNet += fill.RealizedPnl - fill.Commission;
            var limit = options.DailyLossLimit * _dayStartWallet * (1 + options.DailyLimitTolerance);
            if (_limitCrossedAtMs is null && -_dayNet >= limit)
            {
                _limitCrossedAtMs = fill.Time;
                LimitDays++;
            }

            var before = _netQuantity.GetValueOrDefault(fill.Symbol);
            var after = before + (fill.Side.Sign() * fill.Qty);
            _netQuantity[fill.Symbol] = after;
            if (before != 0 && after == 0)
            {
                ClosedRoundTrips++;
            }
        }

        RollDay(DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(nowMs).UtcDateTime));
    }

    /// <summary>
    /// A new market day: its starting wallet is today's wallet minus everything booked today (funding aside), and the
    /// running result restarts from the fills of the day already scanned.
    /// </summary>
    private void RollDay(DateOnly day)
    {
        if (day == _day)
        {
            return;
        }

        _day = day;
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        var (wallet, today) = truth.Venue.Run(e => (e.Balance(truth.ApiKey).WalletBalance, e.UserTrades(truth.ApiKey, null, null, start, null, null, int.MaxValue)));
        _dayStartWallet = wallet - today.Sum(t => t.RealizedPnl - t.Commission);
        _dayNet = today.Where(t => t.Id < _nextTradeId).Sum(t => t.RealizedPnl - t.Commission);
        _limitCrossedAtMs = null;
    }

    private void CheckDailyLimit(long step, OrderView entry)
    {
        if (_limitCrossedAtMs is not { } crossed || entry.Time < crossed || !_reportedEntries.Add(entry.OrderId))
        {
            return;
        }

        var entryDay = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(entry.Time).UtcDateTime);
        if (entryDay != _day)
        {
            return;
        }

        // The stop-out that crosses the limit and the candle close that triggers an entry can land in the same step;
        // the risk grain hears of the loss over the user stream. One step of grace, counted separately.
        if (entry.Time - crossed <= (long)options.Step.TotalMilliseconds)
        {
            EntriesRacingTheLimit++;
            return;
        }

        report(new InvariantViolation(InvariantNames.DailyLossLimit, $"entry {entry.ClientOrderId} at {Time(entry.Time):u} after the daily loss limit was reached at {Time(crossed):u}", Time(entry.Time), step));
    }

    private void CheckProtection(long step, long nowMs, long readySinceMs)
    {
        var algos = truth.OpenAlgoOrders();
        var open = truth.OpenPositions();
        foreach (var gone in _unprotectedSince.Keys.Where(symbol => !open.Any(p => Key(p) == symbol)).ToArray())
        {
            _unprotectedSince.Remove(gone);
        }

        foreach (var position in open)
        {
            var key = Key(position);
            if (ExchangeTruth.IsProtected(position, algos))
            {
                _unprotectedSince.Remove(key);
                continue;
            }

            if (!_unprotectedSince.TryGetValue(key, out var since))
            {
                since = nowMs;
                _unprotectedSince[key] = since;
            }

            var age = TimeSpan.FromMilliseconds(nowMs - Math.Max(since, readySinceMs));
            if (age > MaxUnprotected)
            {
                MaxUnprotected = age;
            }

            if (age > options.ProtectionBound && _protectionReported.Add(key + "@" + since))
            {
                report(new InvariantViolation(InvariantNames.ProtectedWithin, $"{position.Symbol} {position.PositionAmt} without stop and target for {age.TotalSeconds:0.#} s of simulated time", Time(nowMs), step));
            }
        }
    }

    private static string Key(PositionView p) => p.Symbol + (p.PositionAmt > 0 ? ":L" : ":S");

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    /// <summary>The signal part of one of our entry ids ("tb-A-BTCUSDT-L-1715000400-e2" → "tb-A-BTCUSDT-L-1715000400"), else null.</summary>
    internal static string? EntrySignal(string clientOrderId)
    {
        var match = EntryId().Match(clientOrderId);
        return match.Success ? match.Groups["signal"].Value : null;
    }

    [GeneratedRegex(@"^(?<signal>tb-[^-]+-[A-Z0-9]+-[LS]-\d+)-e\d*$", RegexOptions.CultureInvariant)]
    private static partial Regex EntryId();
}
