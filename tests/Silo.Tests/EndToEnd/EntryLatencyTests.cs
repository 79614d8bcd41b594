using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using TradingBot.Contracts.Grains;
using Xunit.Abstractions;

namespace TradingBot.Silo.Tests.EndToEnd;

/// <summary>
/// Measures, on real entries of the bot's own strategies, the time from a closed kline on the simulator to the
/// entry order arriving at the simulator, over real WebSocket and HTTP. The arrival is timestamped by the
/// simulator's own request pipeline (same process, same clock), so the test's polling does not inflate the figure.
/// Reports the figures; the functional assertion is only that entries happen and are timed (timing targets live in
/// the note and in bench/Silo.Bench, not in a unit test). The clock starts before the whole minute is replayed and the
/// test polls the grains meanwhile, often next to other test classes, so figures here run higher than the bench's.
/// </summary>
public sealed class EntryLatencyTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Bench")]
    public async Task Closed_kline_to_entry_order_at_the_exchange()
    {
        using var arrivals = new OrderArrivals();
        var start = new DateTimeOffset(2025, 5, 27, 3, 0, 0, TimeSpan.Zero);
        await using var exchange = await ExchangeUnderTest.StartAsync(start);

        // Other test classes run their own simulators in this process at the same time: count this one's orders only.
        arrivals.Port = exchange.Simulator.Port;
        await using var silo = await InProcessSilo.StartAsync(exchange, new Dictionary<string, string?> { ["Trading:Risk:MaxOpenPositions"] = "2" });

        var closes = new List<long>();
        var market = start;
        var symbols = new[] { "BTCUSDT", "ETHUSDT" }.Select(s => silo.Client.GetGrain<ISymbolGrain>(s)).ToArray();
        for (var step = 0; step < 1500 && arrivals.Count < 3; step++)
        {
            var minute = market;
            market = market.AddMinutes(1);
            closes.Add(Stopwatch.GetTimestamp());
            exchange.Simulator.Venue.AdvanceMarketTo(market);

            // Wait until both symbols processed this minute (the bot never falls behind the market), then give the
            // strategies time to propose, so an entry is never attributed to the next minute's kline. A kline pushed
            // while the market subscription is still being confirmed by the server is missed and back-filled only
            // when the next one shows the gap (known gap in src/Exchange/README.md), so after 10 s move on.
            var deadline = Stopwatch.GetTimestamp() + (10 * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < deadline
                && !(await Task.WhenAll(symbols.Select(s => s.GetStatusAsync()))).All(s => s.LastClosedByTimeframe.TryGetValue("1m", out var last) && last >= minute))
            {
                await Task.Delay(1);
            }

            await Task.Delay(10);
        }

        // Each entry belongs to the latest kline close pushed before it arrived.
        var samples = arrivals.Timestamps
            .Select(at => Stopwatch.GetElapsedTime(closes.Last(c => c <= at), at).TotalMilliseconds)
            .Order()
            .ToList();
        output.WriteLine($"entries measured: {samples.Count}; kline closed → entry order at the exchange (ms): {string.Join(", ", samples.Select(s => s.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}");
        if (samples.Count > 0)
        {
            output.WriteLine($"p50 {samples[samples.Count / 2]:0.00} ms, max {samples[^1]:0.00} ms");
        }

        samples.Should().NotBeEmpty("the strategies enter on this window of real candles");
        samples.Should().OnlyContain(s => s >= 0 && s < 10_000, "every entry follows a kline close and is timed from it");
    }

    /// <summary>Stopwatch timestamps of POST /fapi/v1/order requests as the in-process simulator's host starts them.</summary>
    private sealed class OrderArrivals : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly ConcurrentQueue<long> _timestamps = new();
        private readonly ConcurrentBag<IDisposable> _subscriptions = [];
        private readonly IDisposable _all;

        public OrderArrivals() => _all = DiagnosticListener.AllListeners.Subscribe(this);

        /// <summary>The simulator's port; requests to any other server are ignored (0 until set: none counted).</summary>
        public int Port { get; set; }

        public int Count => _timestamps.Count;

        public IReadOnlyList<long> Timestamps => [.. _timestamps];

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == "Microsoft.AspNetCore")
            {
                _subscriptions.Add(value.Subscribe(this, (name, _, _) => name.StartsWith("Microsoft.AspNetCore.Hosting.HttpRequestIn", StringComparison.Ordinal)));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == "Microsoft.AspNetCore.Hosting.HttpRequestIn.Start"
                && value.Value is HttpContext { Request: { Path.Value: "/fapi/v1/order" } request } context
                && HttpMethods.IsPost(request.Method)
                && context.Connection.LocalPort == Port)
            {
                _timestamps.Enqueue(Stopwatch.GetTimestamp());
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _all.Dispose();
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }
        }
    }
}
