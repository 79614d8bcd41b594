using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using TradingBot.Exchange.Binance.Diagnostics;

namespace TradingBot.Silo.Bench;

/// <summary>One observed stage: what, and when it started and ended (Stopwatch timestamps).</summary>
internal readonly record struct StageEvent(string Stage, long Start, long End);

/// <summary>
/// Listens, in-process, to what the product already publishes — the grain runtime's request/storage
/// histograms, the exchange client's stream-event histogram, HttpClient activities and ASP.NET Core's request
/// start — and turns each into a timestamped stage. The simulator and the silo share the process, so the
/// simulator's "order request arrived" and the client's "order request sent" are on the same clock.
/// </summary>
internal sealed class StageProbe : IDisposable
{
    public const string KlineReceived = "client: closed 1m kline frame received";
    public const string SymbolGrain = "SymbolGrain done (klines item delivered)";
    public const string StrategyGrain = "StrategyGrain done (indicators item delivered)";
    public const string SymbolTurn = "SymbolGrain turn (queued → starts)";
    public const string StrategyTurn = "StrategyGrain turn (queued → starts)";
    public const string RiskPropose = "RiskGrain.ProposeAsync";
    public const string OrderExecute = "OrderGrain.ExecuteAsync";
    public const string OrderStateWrite = "storage write: order";
    public const string HttpOrderSent = "client: POST /fapi/v1/order started";
    public const string SimOrderReceived = "simulator: POST /fapi/v1/order received";
    public const string SimAlgoReceived = "simulator: POST /fapi/v1/algoOrder received";

    private const string StartProperty = "silo-bench.started";
    private static readonly double s_tickMs = 1000.0 / Stopwatch.Frequency;
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;
    private readonly IDisposable _diagnostics;
    private readonly ConcurrentQueue<StageEvent> _events = new();
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _unmatched = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signal = new(0);
    private readonly ConcurrentBag<IDisposable> _aspNetSubscriptions = [];

    public StageProbe()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name is "TradingBot.Runtime" or ExchangeInstruments.MeterName
                && instrument.Name is "orleans-app-requests-latency" or "orleans-storage-write-latency" or "orleans-scheduler-queue-delay"
                    or "orleans-streams-delivered" or ExchangeInstruments.StreamEventDurationName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<double>(OnMeasurement);
        _meters.SetMeasurementEventCallback<long>(OnCount);
        _meters.Start();

        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity => activity.SetCustomProperty(StartProperty, Stopwatch.GetTimestamp()),
            ActivityStopped = OnHttpStopped,
        };
        ActivitySource.AddActivityListener(_activities);
        _diagnostics = DiagnosticListener.AllListeners.Subscribe(new AllListenersObserver(this));
    }

    public static double Ms(long fromTimestamp, long toTimestamp) => (toTimestamp - fromTimestamp) * s_tickMs;

    /// <summary>Events recorded since the last drain, oldest first.</summary>
    public List<StageEvent> Drain()
    {
        var list = new List<StageEvent>();
        while (_events.TryDequeue(out var e))
        {
            list.Add(e);
        }

        return list;
    }

    /// <summary>Total events of a stage since start.</summary>
    public long Count(string stage) => _counts.TryGetValue(stage, out var n) ? n : 0;

    /// <summary>Grain methods/streams seen that are not stages (diagnostics).</summary>
    public IReadOnlyDictionary<string, long> Unmatched => _unmatched;

    /// <summary>Waits until some event arrives or the timeout passes.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout) => _signal.WaitAsync(timeout);

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
        foreach (var subscription in _aspNetSubscriptions)
        {
            subscription.Dispose();
        }

        _diagnostics.Dispose();
        _signal.Dispose();
    }

    private void Add(string stage, long start, long end)
    {
        _events.Enqueue(new StageEvent(stage, start, end));
        _counts.AddOrUpdate(stage, 1, (_, n) => n + 1);
        if (_signal.CurrentCount < 1_000)
        {
            _signal.Release();
        }
    }

    private void OnMeasurement(Instrument instrument, double ms, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var end = Stopwatch.GetTimestamp();
        var start = end - (long)(ms / s_tickMs);
        string? type = null, method = null, stateName = null, evt = null, interval = null;
        foreach (var (key, value) in tags)
        {
            switch (key)
            {
                case "type": type = value as string; break;
                case "method": method = value as string; break;
                case "state": stateName = value as string; break;
                case "event": evt = value as string; break;
                case "interval": interval = value as string; break;
            }
        }

        string? stage = instrument.Name switch
        {
            ExchangeInstruments.StreamEventDurationName when evt == "KlineClosed" && interval == "1m" => KlineReceived,
            "orleans-storage-write-latency" when stateName == "order" => OrderStateWrite,
            "orleans-app-requests-latency" => GrainStage(type, method),
            "orleans-scheduler-queue-delay" when type == "symbol" => SymbolTurn,
            "orleans-scheduler-queue-delay" when type == "strategy" => StrategyTurn,
            _ => null,
        };
        if (stage is not null)
        {
            Add(stage, start, end);
        }
        else if (instrument.Name == "orleans-app-requests-latency")
        {
            _unmatched.AddOrUpdate($"{type}.{method}", 1, (_, n) => n + 1);
        }
    }

    /// <summary>Stream deliveries complete when the consumer's OnNextAsync returned: klines → SymbolGrain, indicators → StrategyGrain.</summary>
    private void OnCount(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var (key, tag) in tags)
        {
            if (key == "namespace")
            {
                var stage = (tag as string) switch
                {
                    "klines" => SymbolGrain,
                    "indicators" => StrategyGrain,
                    _ => null,
                };
                if (stage is not null)
                {
                    Add(stage, now, now);
                }
            }
        }
    }

    /// <summary>Grain types are registered under short names (symbol, strategy, risk, order, position).</summary>
    private static string? GrainStage(string? type, string? method) => (type, method) switch
    {
        ("risk", "ProposeAsync") => RiskPropose,
        ("order", "ExecuteAsync") => OrderExecute,
        _ => null,
    };

    /// <summary>The request's URL and method are tagged by the time the activity stops; its start time was kept at start.</summary>
    private void OnHttpStopped(Activity activity)
    {
        var url = activity.GetTagItem("url.full") as string;
        var method = activity.GetTagItem("http.request.method") as string;
        if (method == "POST" && url is not null && url.Contains("/fapi/v1/order", StringComparison.Ordinal)
            && activity.GetCustomProperty(StartProperty) is long started)
        {
            Add(HttpOrderSent, started, Stopwatch.GetTimestamp());
        }
    }

    private void OnServerRequest(HttpContext context)
    {
        var now = Stopwatch.GetTimestamp();
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return;
        }

        var stage = context.Request.Path.Value switch
        {
            "/fapi/v1/order" => SimOrderReceived,
            "/fapi/v1/algoOrder" => SimAlgoReceived,
            _ => null,
        };
        if (stage is not null)
        {
            Add(stage, now, now);
        }
    }

    private sealed class AllListenersObserver(StageProbe probe) : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "Microsoft.AspNetCore")
            {
                probe._aspNetSubscriptions.Add(value.Subscribe(
                    new AspNetObserver(probe),
                    (name, _, _) => name is "Microsoft.AspNetCore.Hosting.HttpRequestIn" or "Microsoft.AspNetCore.Hosting.HttpRequestIn.Start"));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class AspNetObserver(StageProbe probe) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == "Microsoft.AspNetCore.Hosting.HttpRequestIn.Start" && value.Value is HttpContext context)
            {
                probe.OnServerRequest(context);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
