using TradingBot.Contracts;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Grains;
using TradingBot.Grains.Tests.Support;
using TradingBot.Runtime.Streams;

namespace TradingBot.Grains.Tests.Flow;

public sealed class CandleToSignalFlowTests
{
    [Fact]
    public async Task Real_candles_through_the_grains_produce_signals_trades_and_records()
    {
        var exchange = new MemoryExchange();
        await using var silo = await TradingSilo.StartAsync(exchange);
        var symbol = silo.Client.GetGrain<ISymbolGrain>("BTCUSDT");

        foreach (var candle in BundledCandles.Load("BTCUSDT").Take(20_000))
        {
            exchange.Now = candle.CloseTime;
            await exchange.SetPrice("BTCUSDT", candle.Close);
            await symbol.OnCandleClosedAsync(candle);
        }

        await Task.Delay(500);
        var statuses = await Task.WhenAll(new[] { "A", "B", "C" }.Select(s => silo.Client.GetGrain<IStrategyGrain>(s).GetStatusAsync()));
        statuses.Should().AllSatisfy(s => s.BarsEvaluated.Should().BePositive());
        silo.Journal.Count("signals").Should().BePositive();
        exchange.MarketOrders.Should().NotBeEmpty();
        silo.Journal.Count("trades").Should().BePositive();
    }

    [Fact]
    public async Task After_a_warm_up_from_history_the_strategies_still_fire()
    {
        var candles = BundledCandles.Load("BTCUSDT");
        var start = 30_000;
        var exchange = new MemoryExchange { Now = candles[start].OpenTime };
        exchange.History["BTCUSDT"] = candles.Take(start).ToList();
        await using var silo = await TradingSilo.StartAsync(exchange);
        var symbol = silo.Client.GetGrain<ISymbolGrain>("BTCUSDT");
        (await symbol.GetStatusAsync()).WarmedUp.Should().BeTrue();

        foreach (var candle in candles.Skip(start).Take(10_000))
        {
            exchange.Now = candle.CloseTime;
            await exchange.SetPrice("BTCUSDT", candle.Close);
            await symbol.OnCandleClosedAsync(candle);
        }

        await Task.Delay(500);
        silo.Journal.Count("signals").Should().BePositive();
    }

    [Fact]
    public async Task Candles_published_on_the_klines_stream_reach_the_symbol_grain()
    {
        var exchange = new MemoryExchange();
        await using var silo = await TradingSilo.StartAsync(exchange);
        var klines = silo.Client.GetStreamProvider(StreamNames.Provider).GetStream<CandleClosed>(StreamId.Create(StreamNames.Klines, "ETHUSDT"));

        foreach (var candle in BundledCandles.Load("ETHUSDT").Take(120))
        {
            await klines.OnNextAsync(new CandleClosed(candle));
        }

        var status = await silo.Client.GetGrain<ISymbolGrain>("ETHUSDT").GetStatusAsync();
        for (var i = 0; i < 50 && status.CandlesProcessed < 120; i++)
        {
            await Task.Delay(50);
            status = await silo.Client.GetGrain<ISymbolGrain>("ETHUSDT").GetStatusAsync();
        }

        status.CandlesProcessed.Should().Be(120);
    }
}
