using System.Diagnostics;
using TradingBot.Exchange.Simulator.Hosting;

namespace TradingBot.Silo.Bench;

/// <summary>Advances the paused simulator one 1m bar at a time and knows how much grain work each bar causes.</summary>
internal sealed class MarketStepper(SimulatorInstance simulator, int symbols, int strategies, DateTimeOffset start)
{
    private readonly int _strategies = strategies;
    private int _consumers = strategies;
    private int _lastSnapshots;

    public DateTimeOffset Market { get; private set; } = start;

    /// <summary>SymbolGrain.OnNextAsync calls expected so far (one per symbol per bar).</summary>
    public long ExpectedSymbolCalls { get; private set; }

    /// <summary>
    /// Indicator-stream deliveries expected so far: every consumer (the strategies, plus whatever else subscribes, e.g.
    /// the dashboard) gets 1m, plus 15m/1h on their closes.
    /// </summary>
    public long ExpectedStrategyCalls { get; private set; }

    /// <summary>
    /// Sets the number of indicator-stream consumers from what one fully settled bar delivered
    /// (<paramref name="delivered"/> = all indicator deliveries so far); returns it.
    /// </summary>
    public int Calibrate(long delivered)
    {
        var perSnapshot = (double)(delivered - (ExpectedStrategyCalls - ((long)_consumers * _lastSnapshots))) / _lastSnapshots;
        _consumers = Math.Max(_strategies, (int)Math.Round(perSnapshot));
        ExpectedStrategyCalls = delivered;
        return _consumers;
    }

    /// <summary>Replays the current bar up to just before its close (intrabar klines, mark prices, fills).</summary>
    public void PreClose() => simulator.Venue.AdvanceMarketTo(Market.AddMinutes(1).AddMilliseconds(-2));

    /// <summary>
    /// Closes the current bar: only the closing vertex is left, so the call pushes the closing klines (1m, 15m, 1h
    /// streams) of every symbol and little else. Returns the Stopwatch time just before the push.
    /// </summary>
    public long Close()
    {
        var closesAt = Market.AddMinutes(1);
        var snapshots = 1 + (closesAt.Minute % 15 == 0 ? 1 : 0) + (closesAt.Minute == 0 ? 1 : 0);
        ExpectedSymbolCalls += symbols;
        ExpectedStrategyCalls += (long)_consumers * snapshots * symbols;
        _lastSnapshots = snapshots * symbols;
        var sentAt = Stopwatch.GetTimestamp();
        simulator.Venue.AdvanceMarketTo(closesAt.AddMilliseconds(-1));
        Market = closesAt;
        return sentAt;
    }
}
