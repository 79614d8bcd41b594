using System.Diagnostics;
using TradingBot.Contracts.Grains;
using Xunit.Abstractions;

namespace TradingBot.Silo.Tests.EndToEnd;

/// <summary>
/// Measures, on real entries of the bot's own strategies, the time from a closed kline on the simulator to the
/// entry order arriving at the simulator, over real WebSocket and HTTP. Reports the figures; the functional
/// assertion is only that entries happen (timing targets live in the note, not in a unit test).
/// </summary>
public sealed class EntryLatencyTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Bench")]
    public async Task Closed_kline_to_entry_order_at_the_exchange()
    {
        var start = new DateTimeOffset(2025, 5, 27, 3, 0, 0, TimeSpan.Zero);
        await using var exchange = await ExchangeUnderTest.StartAsync(start);
        await using var silo = await InProcessSilo.StartAsync(exchange, new Dictionary<string, string?> { ["Trading:Risk:MaxOpenPositions"] = "2" });
        var apiKey = exchange.Simulator.ApiKey;
        int Orders() => exchange.Simulator.Venue.Run(e => e.AllOrders(apiKey, null, null, null, null, 1000).Count(o => o.ClientOrderId.EndsWith("-e", StringComparison.Ordinal)));

        var samples = new List<double>();
        var market = start;
        var symbols = new[] { "BTCUSDT", "ETHUSDT" }.Select(s => silo.Client.GetGrain<ISymbolGrain>(s)).ToArray();
        var previous = (Count: Orders(), ClosedAt: Stopwatch.GetTimestamp());
        for (var step = 0; step < 600 && samples.Count < 3; step++)
        {
            var before = Orders();
            if (before > previous.Count)
            {
                // The entry arrived after the previous minute was processed: time it against that kline.
                samples.Add(Stopwatch.GetElapsedTime(previous.ClosedAt).TotalMilliseconds);
            }

            var minute = market;
            market = market.AddMinutes(1);
            exchange.Simulator.Venue.AdvanceMarketTo(market);
            var closedAt = Stopwatch.GetTimestamp();
            previous = (before, closedAt);

            // Wait until both symbols processed this minute (the bot never falls behind the market), timing
            // the entry order from the kline close whenever one arrives.
            while (Stopwatch.GetElapsedTime(closedAt) < TimeSpan.FromSeconds(10))
            {
                if (Orders() > before)
                {
                    samples.Add(Stopwatch.GetElapsedTime(closedAt).TotalMilliseconds);
                    previous = (Orders(), closedAt);
                    break;
                }

                var statuses = await Task.WhenAll(symbols.Select(s => s.GetStatusAsync()));
                if (statuses.All(s => s.LastClosedByTimeframe.TryGetValue("1m", out var last) && last >= minute))
                {
                    await Task.Delay(5);
                    if (Orders() > before)
                    {
                        samples.Add(Stopwatch.GetElapsedTime(closedAt).TotalMilliseconds);
                        previous = (Orders(), closedAt);
                    }

                    break;
                }

                Thread.Sleep(0);
            }
        }

        samples.Sort();
        output.WriteLine($"entries measured: {samples.Count}; kline closed → entry order at the exchange (ms): {string.Join(", ", samples.Select(s => s.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}");
        if (samples.Count > 0)
        {
            output.WriteLine($"p50 {samples[samples.Count / 2]:0.00} ms, max {samples[^1]:0.00} ms");
        }

        samples.Should().NotBeEmpty("the strategies enter on this window of real candles");
    }
}
