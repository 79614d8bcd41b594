using System.Collections.Concurrent;
using System.Diagnostics;
using TradingBot.Runtime.Persistence;

namespace TradingBot.Runtime.Metrics;

/// <summary>Counters of one grain type.</summary>
internal sealed class GrainTypeStats(string grainType, RuntimeInstruments instruments)
{
    private readonly ConcurrentDictionary<string, MethodStats> _methods = new(StringComparer.Ordinal);
    private long _activations;
    private long _created;
    private long _destroyed;
    private long _failed;
    private long _collections;
    private long _overloads;
    private long _timeouts;
    private long _queueTicks;
    private long _queueCount;
    private int _maxDepth;

    public string GrainType { get; } = grainType;

    public IEnumerable<MethodStats> Methods => _methods.Values;

    public long Activations => Interlocked.Read(ref _activations);

    public long Created => Interlocked.Read(ref _created);

    public long Destroyed => Interlocked.Read(ref _destroyed);

    public long Failed => Interlocked.Read(ref _failed);

    public long Collections => Interlocked.Read(ref _collections);

    public long Overloads => Interlocked.Read(ref _overloads);

    public long Timeouts => Interlocked.Read(ref _timeouts);

    public int MaxDepth => Volatile.Read(ref _maxDepth);

    public double AverageQueueTimeMs(long frequency)
    {
        var count = Interlocked.Read(ref _queueCount);
        return count == 0 ? 0 : Interlocked.Read(ref _queueTicks) * 1000.0 / frequency / count;
    }

    public MethodStats ForMethod(string method, bool noProfiling) =>
        _methods.GetOrAdd(method, static (m, arg) => new MethodStats(arg.Self.GrainType, m, !arg.NoProfiling, arg.Self._instruments), (Self: this, NoProfiling: noProfiling));

    public void RecordActivated()
    {
        Interlocked.Increment(ref _activations);
        Interlocked.Increment(ref _created);
        _instruments.ActivationCreated.Add(1, new KeyValuePair<string, object?>("type", GrainType));
    }

    public void RecordDeactivated(bool collected)
    {
        Interlocked.Decrement(ref _activations);
        Interlocked.Increment(ref _destroyed);
        _instruments.ActivationDestroyed.Add(1, new KeyValuePair<string, object?>("type", GrainType));
        if (collected)
        {
            Interlocked.Increment(ref _collections);
            _instruments.ActivationCollections.Add(1, new KeyValuePair<string, object?>("type", GrainType));
        }
    }

    public void RecordActivationFailed()
    {
        Interlocked.Increment(ref _failed);
        _instruments.ActivationFailed.Add(1, new KeyValuePair<string, object?>("type", GrainType));
    }

    public void RecordOverload()
    {
        Interlocked.Increment(ref _overloads);
        _instruments.Rejected.Add(1, new KeyValuePair<string, object?>("type", GrainType));
    }

    public void RecordTimeout()
    {
        Interlocked.Increment(ref _timeouts);
        _instruments.TimedOut.Add(1, new KeyValuePair<string, object?>("type", GrainType));
    }

    public void RecordQueueTime(long ticks, long frequency)
    {
        Interlocked.Add(ref _queueTicks, ticks);
        Interlocked.Increment(ref _queueCount);
        if (_instruments.QueueDelay.Enabled)
        {
            _instruments.QueueDelay.Record(ticks * 1000.0 / frequency, new KeyValuePair<string, object?>("type", GrainType));
        }
    }

    public void ObserveDepth(int depth)
    {
        var max = Volatile.Read(ref _maxDepth);
        while (depth > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxDepth, depth, max);
            if (seen == max)
            {
                return;
            }

            max = seen;
        }
    }

    private readonly RuntimeInstruments _instruments = instruments;
}

/// <summary>Per-method profile: the rolling window plus the request-latency instrument.</summary>
internal sealed class MethodStats(string grainType, string method, bool enabled, RuntimeInstruments instruments)
{
    private readonly RuntimeInstruments _instruments = instruments;

    public string GrainType { get; } = grainType;

    public string Method { get; } = method;

    /// <summary>False for [NoProfiling] methods: they cost nothing on the hot path.</summary>
    public bool Enabled { get; } = enabled;

    public LatencyWindow Window { get; } = new();

    /// <summary>Start of a call: a Stopwatch timestamp when this call is timed, 0 when it is only counted (sampling).</summary>
    public long Start() => Window.ShouldTime() ? Stopwatch.GetTimestamp() : 0;

    /// <summary>End of a call started with <see cref="Start"/>.</summary>
    public void Stop(long start, bool failed)
    {
        if (start == 0)
        {
            Window.Record(-1, failed);
            return;
        }

        var elapsedTicks = Stopwatch.GetTimestamp() - start;
        Window.Record(elapsedTicks, failed);
        if (_instruments.RequestLatency.Enabled)
        {
            _instruments.RequestLatency.Record(
                elapsedTicks * 1000.0 / Stopwatch.Frequency,
                new KeyValuePair<string, object?>("type", GrainType),
                new KeyValuePair<string, object?>("method", Method),
                new KeyValuePair<string, object?>("failed", failed));
        }
    }
}

/// <summary>Latency and errors of one state record name in one storage provider.</summary>
internal sealed class StorageStats(string provider, string stateName, RuntimeInstruments instruments)
{
    private readonly RuntimeInstruments _instruments = instruments;
    private readonly Lock _lock = new();
    private long _reads;
    private long _writes;
    private long _clears;
    private long _errors;
    private long _conflicts;
    private long _coalesced;
    private double _totalMs;
    private double _maxMs;

    public string Provider { get; } = provider;

    public string StateName { get; } = stateName;

    public void RecordCoalesced() => Interlocked.Increment(ref _coalesced);

    public void Record(OperationKind kind, TimeSpan elapsed, Exception? error)
    {
        var tags = new TagList { { "provider", Provider }, { "state", StateName } };
        var ms = elapsed.TotalMilliseconds;
        lock (_lock)
        {
            switch (kind)
            {
                case OperationKind.Read:
                    _reads++;
                    break;
                case OperationKind.Write:
                    _writes++;
                    break;
                default:
                    _clears++;
                    break;
            }

            _totalMs += ms;
            _maxMs = Math.Max(_maxMs, ms);
            if (error is not null)
            {
                _errors++;
                if (error is InconsistentStateException)
                {
                    _conflicts++;
                }
            }
        }

        var (latency, errors) = kind switch
        {
            OperationKind.Read => (_instruments.StorageReadLatency, _instruments.StorageReadErrors),
            OperationKind.Write => (_instruments.StorageWriteLatency, _instruments.StorageWriteErrors),
            _ => (_instruments.StorageClearLatency, _instruments.StorageClearErrors),
        };
        latency.Record(ms, tags);
        if (error is not null)
        {
            errors.Add(1, tags);
        }
    }

    public StorageMetrics Snapshot()
    {
        lock (_lock)
        {
            var ops = _reads + _writes + _clears;
            return new StorageMetrics(Provider, StateName, _reads, _writes, _clears, _errors, _conflicts, Interlocked.Read(ref _coalesced), ops == 0 ? 0 : _totalMs / ops, _maxMs);
        }
    }
}

/// <summary>Counters of one stream namespace in one provider.</summary>
internal sealed class StreamStats(string provider, string streamNamespace, RuntimeInstruments instruments)
{
    private readonly RuntimeInstruments _instruments = instruments;
    private long _published;
    private long _delivered;
    private long _retries;
    private long _deadLetters;

    public string Provider { get; } = provider;

    public string Namespace { get; } = streamNamespace;

    public long Published => Interlocked.Read(ref _published);

    public long Delivered => Interlocked.Read(ref _delivered);

    public long Retries => Interlocked.Read(ref _retries);

    public long DeadLetters => Interlocked.Read(ref _deadLetters);

    public void RecordPublished()
    {
        Interlocked.Increment(ref _published);
        if (_instruments.StreamPublished.Enabled)
        {
            _instruments.StreamPublished.Add(1, new KeyValuePair<string, object?>("namespace", Namespace));
        }
    }

    public void RecordDelivered()
    {
        Interlocked.Increment(ref _delivered);
        if (_instruments.StreamDelivered.Enabled)
        {
            _instruments.StreamDelivered.Add(1, new KeyValuePair<string, object?>("namespace", Namespace));
        }
    }

    public void RecordRetry()
    {
        Interlocked.Increment(ref _retries);
        if (_instruments.StreamRetries.Enabled)
        {
            _instruments.StreamRetries.Add(1, new KeyValuePair<string, object?>("namespace", Namespace));
        }
    }

    public void RecordDeadLetter()
    {
        Interlocked.Increment(ref _deadLetters);
        if (_instruments.StreamDeadLetters.Enabled)
        {
            _instruments.StreamDeadLetters.Add(1, new KeyValuePair<string, object?>("namespace", Namespace));
        }
    }
}
