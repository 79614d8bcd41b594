using System.Collections.Concurrent;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Market;

namespace TradingBot.Silo.Dashboard;

/// <summary>
/// Facts the dashboard needs that no grain keeps: when the last event arrived, how often each exchange
/// stream reconnected, and recent liquidity sweeps and structure breaks per symbol and timeframe (a
/// snapshot only carries those of its own bar). Filled by <see cref="DashboardNotifierBridge"/>.
/// </summary>
internal sealed class DashboardActivity
{
    /// <summary>Sweeps and breaks kept per symbol and timeframe.</summary>
    public const int HistoryLimit = 300;

    private readonly ConcurrentDictionary<string, int> _reconnects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Symbol, int Minutes), History> _history = new();
    private long _lastEventTicks;

    /// <summary>Market time of the newest event seen (UTC), null before the first.</summary>
    public DateTimeOffset? LastEventAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastEventTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    public void Seen(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _lastEventTicks);
            if (ticks <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _lastEventTicks, ticks, current) != current);
    }

    public void Connection(ConnectionStateChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.State == ConnectionState.Reconnecting)
        {
            _reconnects.AddOrUpdate(change.ConnectionId, 1, (_, n) => n + 1);
        }
    }

    public int Reconnects(string connection) => _reconnects.GetValueOrDefault(connection);

    public void Indicators(IndicatorSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Sweeps.IsDefaultOrEmpty && snapshot.Breaks.IsDefaultOrEmpty)
        {
            return;
        }

        var history = _history.GetOrAdd((snapshot.Symbol, snapshot.Timeframe.Minutes), _ => new History());
        history.Add(snapshot.Sweeps.IsDefault ? [] : snapshot.Sweeps, snapshot.Breaks.IsDefault ? [] : snapshot.Breaks);
    }

    public (IReadOnlyList<LiquiditySweep> Sweeps, IReadOnlyList<StructureBreak> Breaks) Recent(string symbol, Timeframe timeframe) =>
        _history.TryGetValue((symbol, timeframe.Minutes), out var history) ? history.Read() : ([], []);

    private sealed class History
    {
        private readonly Lock _gate = new();
        private readonly Queue<LiquiditySweep> _sweeps = new();
        private readonly Queue<StructureBreak> _breaks = new();
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

        public void Add(IEnumerable<LiquiditySweep> sweeps, IEnumerable<StructureBreak> breaks)
        {
            lock (_gate)
            {
                foreach (var sweep in sweeps.Where(s => _ids.Add(s.Id)))
                {
                    _sweeps.Enqueue(sweep);
                    if (_sweeps.Count > HistoryLimit)
                    {
                        _ids.Remove(_sweeps.Dequeue().Id);
                    }
                }

                foreach (var structureBreak in breaks.Where(b => _ids.Add(b.Id)))
                {
                    _breaks.Enqueue(structureBreak);
                    if (_breaks.Count > HistoryLimit)
                    {
                        _ids.Remove(_breaks.Dequeue().Id);
                    }
                }
            }
        }

        public (IReadOnlyList<LiquiditySweep>, IReadOnlyList<StructureBreak>) Read()
        {
            lock (_gate)
            {
                return ([.. _sweeps], [.. _breaks]);
            }
        }
    }
}
