using System.Diagnostics;
using TradingBot.Exchange.Simulator.Hosting;
using TradingBot.Exchange.Simulator.Market;
using TradingBot.Exchange.Simulator.Matching;
using TradingBot.Exchange.Simulator.Server.Json;

namespace TradingBot.Silo.Bench;

/// <summary>
/// Extra market traffic on the simulator's real WebSocket hub at a multiple of Binance's rates: a kline update of the
/// open bar every 250 ms per kline stream (Binance pushes about every 250 ms) and a mark price every second per
/// symbol (the markPrice@1s cadence; the bot's @markPrice stream is every 3 s on Binance, so this over-delivers).
/// Prices are the venue's current ones, so the bot sees coherent data.
/// </summary>
internal sealed class MarketFlood(SimulatorInstance simulator, IReadOnlyList<string> symbols, double multiplier) : IDisposable
{
    private static readonly (string Name, TimeSpan Length)[] s_intervals =
        [("1m", TimeSpan.FromMinutes(1)), ("15m", TimeSpan.FromMinutes(15)), ("1h", TimeSpan.FromHours(1))];

    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private long _klines;
    private long _marks;
    private int _disposed;

    /// <summary>Messages per second this flood aims at.</summary>
    public double TargetRate => multiplier * symbols.Count * ((s_intervals.Length * 4.0) + 1.0);

    public long KlinesSent => Interlocked.Read(ref _klines);

    public long MarksSent => Interlocked.Read(ref _marks);

    public void Start()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "market-flood", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Stops the flood (idempotent: the run stops it before reporting, the using stops it again).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stop.Cancel();
        _thread?.Join();
        _stop.Dispose();
    }

    private void Run()
    {
        // One slot per message kind; each slot fires at its own rate, spread evenly over time.
        var slots = symbols.SelectMany(s => s_intervals.Select(i => (Symbol: s, Interval: i.Name, i.Length, Rate: 4.0 * multiplier))
                .Append((Symbol: s, Interval: "mark", Length: TimeSpan.Zero, Rate: 1.0 * multiplier)))
            .ToArray();
        var sent = new long[slots.Length];
        var started = Stopwatch.GetTimestamp();
        while (!_stop.IsCancellationRequested)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            for (var i = 0; i < slots.Length; i++)
            {
                var slot = slots[i];
                var due = (long)(elapsed * slot.Rate);
                while (sent[i] < due)
                {
                    sent[i]++;
                    Publish(slot.Symbol, slot.Interval, slot.Length);
                }
            }

            Thread.Sleep(1);
        }
    }

    private void Publish(string symbol, string interval, TimeSpan length)
    {
        var venue = simulator.Venue;
        var spec = SymbolSpec.For(symbol);
        var now = venue.MarketNowMs;
        var price = venue.LastPrice(symbol);
        if (price <= 0)
        {
            return;
        }

        if (interval == "mark")
        {
            var mark = EventShapes.MarkPrice(symbol, price, 0.0001m, now + 3_600_000, now, spec);
            simulator.Hub.Publish("market", symbol.ToLowerInvariant() + "@markprice", mark);
            Interlocked.Increment(ref _marks);
            return;
        }

        var lengthMs = (long)length.TotalMilliseconds;
        var open = now - (now % lengthMs);
        var candle = new Candle(open, price, price, price, price, 1m);
        var json = EventShapes.Kline(symbol, interval, candle, length, closed: false, now, spec);
        simulator.Hub.Publish("market", symbol.ToLowerInvariant() + "@kline_" + interval, json);
        Interlocked.Increment(ref _klines);
    }
}
