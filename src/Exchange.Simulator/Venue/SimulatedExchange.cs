using System.Text.Json.Nodes;
using TradingBot.Exchange.Simulator.Faults;
using TradingBot.Exchange.Simulator.Market;
using TradingBot.Exchange.Simulator.Matching;
using TradingBot.Exchange.Simulator.Replay;
using TradingBot.Exchange.Simulator.Server.Json;

namespace TradingBot.Exchange.Simulator.Venue;

/// <summary>
/// The simulated venue: matching engine + replayed market + listen keys + fault plan, behind one lock.
/// Engine events are turned into stream messages while the lock is held so their order is preserved.
/// Two clocks: the server clock (<see cref="ServerNow"/>, for REST time, signatures and listen keys) and the market
/// time (<see cref="MarketNow"/>, the replayed candle time the engine and klines run on).
/// </summary>
public sealed partial class SimulatedExchange
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SymbolFeed> _feeds = new(StringComparer.Ordinal);
    private readonly ListenKeys _listenKeys;
    private readonly List<(string Key, JsonObject Data)> _heldBack = [];
    private readonly Dictionary<(string ApiKey, string Symbol), DateTimeOffset> _countdowns = [];
    private IStreamSink _sink = NullStreamSink.Instance;

    public SimulatedExchange(VenueOptions options, IEnumerable<CandleSeries>? data = null, FaultPlan? faults = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Faults = faults ?? new FaultPlan();
        Engine = new MatchingEngine(options.Engine);
        foreach (var account in options.Accounts)
        {
            Engine.AddAccount(account);
        }

        _listenKeys = new ListenKeys(options.ListenKeyValidity);
        Faults.ListenKeyExpiryRequested += ExpireAllListenKeysNow;
        var series = (data ?? []).ToArray();
        var firstOpen = series.Length == 0 ? (long?)null : series.Min(s => s.Candles[0].OpenTime);
        var startMs = options.Replay.Start?.ToUnixTimeMilliseconds() ?? firstOpen ?? ServerNow.ToUnixTimeMilliseconds();
        if (options.Replay.ShiftToPresent && series.Length > 0)
        {
            var shift = KlineInterval.AlignDown(ServerNow.ToUnixTimeMilliseconds(), TimeSpan.FromHours(1)) - KlineInterval.AlignDown(startMs, TimeSpan.FromHours(1));
            series = series.Select(s => s with { Candles = s.Candles.Select(c => c with { OpenTime = c.OpenTime + shift }).ToList() }).ToArray();
            startMs += shift;
        }

        foreach (var spec in Engine.Symbols)
        {
            var merged = series.Where(s => s.Symbol == spec.Symbol).ToArray();
            var interval = merged.Length == 0 ? options.ScriptedInterval : merged.Min(s => s.Interval);
            var candles = merged.SelectMany(s => s.Candles).DistinctBy(c => c.OpenTime).OrderBy(c => c.OpenTime).ToList();
            _feeds[spec.Symbol] = new SymbolFeed(spec.Symbol, interval, candles, startMs, options.Replay.StreamIntervals);
        }

        var aligned = _feeds.Values.Where(f => !f.Exhausted).Select(f => f.Candles[f.Current].OpenTime).DefaultIfEmpty(startMs).Min();
        MarketStartMs = Math.Min(aligned, startMs);
        Engine.SetTime(DateTimeOffset.FromUnixTimeMilliseconds(MarketStartMs));
        MarketNowMs = MarketStartMs;
    }

    public VenueOptions Options { get; }

    /// <summary>Fault knobs (runtime-settable).</summary>
    public FaultPlan Faults { get; }

    /// <summary>The engine. Touch it only inside <see cref="Run{T}"/> (or when no server is running).</summary>
    public MatchingEngine Engine { get; }

    /// <summary>Market time where the replay started (ms).</summary>
    public long MarketStartMs { get; }

    /// <summary>Replayed market time (ms).</summary>
    public long MarketNowMs { get; private set; }

    /// <summary>Replayed market time.</summary>
    public DateTimeOffset MarketNow => DateTimeOffset.FromUnixTimeMilliseconds(MarketNowMs);

    /// <summary>Server clock including the fault plan's skew.</summary>
    public DateTimeOffset ServerNow => Options.ServerClock.GetUtcNow() + Faults.ClockSkew;

    /// <summary>True when every symbol's data has been replayed.</summary>
    public bool ReplayFinished
    {
        get
        {
            lock (_gate)
            {
                return _feeds.Values.All(f => f.Exhausted);
            }
        }
    }

    /// <summary>Connects the stream hub.</summary>
    public void AttachSink(IStreamSink sink) => _sink = sink;

    /// <summary>Runs an engine operation under the venue lock and publishes the events it produced.</summary>
    public T Run<T>(Func<MatchingEngine, T> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        lock (_gate)
        {
            try
            {
                return operation(Engine);
            }
            finally
            {
                FlushUserEvents();
            }
        }
    }

    /// <summary>Runs an engine operation under the venue lock.</summary>
    public void Run(Action<MatchingEngine> operation) => Run(e =>
    {
        operation(e);
        return 0;
    });

    /// <summary>Creates (or extends and returns) the listen key of an account.</summary>
    public string CreateListenKey(string apiKey)
    {
        lock (_gate)
        {
            return _listenKeys.Create(apiKey, ServerNow);
        }
    }

    /// <summary>Extends a listen key; false → -1125.</summary>
    public bool KeepAliveListenKey(string apiKey, string? key, out string extended)
    {
        lock (_gate)
        {
            ExpireListenKeysLocked();
            return _listenKeys.KeepAlive(apiKey, key, ServerNow, out extended);
        }
    }

    /// <summary>Closes listen keys of an account.</summary>
    public void CloseListenKey(string apiKey, string? key)
    {
        lock (_gate)
        {
            _listenKeys.Close(apiKey, key);
        }
    }

    /// <summary>True while a listen key delivers events.</summary>
    public bool IsListenKeyActive(string key)
    {
        lock (_gate)
        {
            return _listenKeys.IsActive(key);
        }
    }

    /// <summary>The account's listen keys that still deliver events.</summary>
    public IReadOnlyList<string> ActiveListenKeys(string apiKey)
    {
        lock (_gate)
        {
            return _listenKeys.ActiveKeys(apiKey).ToArray();
        }
    }

    /// <summary>Expires listen keys whose validity passed on the server clock and pushes listenKeyExpired to them.</summary>
    public void ExpireListenKeys()
    {
        lock (_gate)
        {
            ExpireListenKeysLocked();
        }
    }

    /// <summary>
    /// Dead-man switch (POST /fapi/v1/countdownCancelAll): cancel the symbol's open regular orders when the server clock
    /// passes now + <paramref name="countdown"/>; zero switches it off.
    /// </summary>
    public void SetCountdownCancelAll(string apiKey, string symbol, TimeSpan countdown)
    {
        lock (_gate)
        {
            if (countdown <= TimeSpan.Zero)
            {
                _countdowns.Remove((apiKey, symbol));
            }
            else
            {
                _countdowns[(apiKey, symbol)] = ServerNow + countdown;
            }
        }
    }

    /// <summary>Server-clock chores: listen key expiry and countdown cancels. Called by the server on every request and once a second.</summary>
    public void Housekeep()
    {
        lock (_gate)
        {
            try
            {
                ExpireListenKeysLocked();
                var now = ServerNow;
                foreach (var (key, deadline) in _countdowns.Where(kv => kv.Value <= now).ToArray())
                {
                    _countdowns.Remove(key);
                    Engine.CancelAllOrders(key.ApiKey, key.Symbol);
                }
            }
            finally
            {
                FlushUserEvents();
            }
        }
    }

    /// <summary>Fault injection: every active key expires now and gets its listenKeyExpired event.</summary>
    private void ExpireAllListenKeysNow()
    {
        lock (_gate)
        {
            foreach (var key in _listenKeys.ExpireAll())
            {
                _sink.Publish("private", key, EventShapes.ListenKeyExpired(key, ServerNow.ToUnixTimeMilliseconds()));
            }
        }
    }

    private void ExpireListenKeysLocked()
    {
        foreach (var key in _listenKeys.Expire(ServerNow))
        {
            _sink.Publish("private", key, EventShapes.ListenKeyExpired(key, ServerNow.ToUnixTimeMilliseconds()));
        }
    }

    private void FlushUserEvents()
    {
        foreach (var e in Engine.DrainEvents())
        {
            var keys = _listenKeys.ActiveKeys(e.ApiKey).ToArray();
            if (keys.Length == 0)
            {
                continue;
            }

            var json = EventShapes.User(e, Engine.GetSymbol);
            foreach (var key in keys)
            {
                PublishUser(key, json);
            }
        }

        // A held-back (reordered) event is released at the end of the batch at the latest.
        foreach (var (key, data) in _heldBack)
        {
            _sink.Publish("private", key, data);
        }

        _heldBack.Clear();
    }

    private void PublishUser(string key, JsonObject json)
    {
        if (_heldBack.Count == 0 && Faults.RollReorderEvent())
        {
            _heldBack.Add((key, json));
            return;
        }

        _sink.Publish("private", key, json);
        foreach (var (heldKey, data) in _heldBack)
        {
            _sink.Publish("private", heldKey, data);
        }

        _heldBack.Clear();
        if (Faults.RollDuplicateEvent())
        {
            _sink.Publish("private", key, (JsonObject)json.DeepClone());
        }
    }
}
