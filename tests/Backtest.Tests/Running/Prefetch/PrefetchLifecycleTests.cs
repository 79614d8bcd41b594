using TradingBot.Backtest.Running;
using TradingBot.Backtest.Data;
using TradingBot.Backtest.Running.Prefetch;
using TradingBot.Backtest.Tests.Support;
using TradingBot.Contracts.Events;
using TradingBot.Contracts;
using TradingBot.Grains.Market;
using TradingBot.Runtime.Streams;
using LaneCandles = TradingBot.Backtest.Running.Prefetch.RunCandles;
using static TradingBot.Backtest.Tests.Running.Prefetch.PrefetchScenario;

namespace TradingBot.Backtest.Tests.Running.Prefetch;

/// <summary>Failures of the worker end the run with a clear error; the workers end with the pipeline, the factory and the silo.</summary>
public sealed class PrefetchLifecycleTests
{
    private static readonly TimeSpan s_noHang = TimeSpan.FromSeconds(60);
    private static readonly Lazy<MarketDataSet> s_data = new(() => LoadData(2));

    [Fact]
    public async Task A_failure_of_the_pipeline_on_the_worker_is_thrown_at_its_candle_and_remembered_by_the_factory()
    {
        var data = s_data.Value;
        const string symbol = "BTCUSDT";
        var candles = RunCandles(data, symbol);
        var failAt = candles[150].OpenTime;
        using var factory = new PrefetchingPipelineFactory(data, IndicatorPrefetch.Shared, new FailingPipelineFactory(failAt), capacity: 1024);
        var live = new IctIndicatorPipelineFactory().Create(symbol);
        var ahead = factory.Create(symbol);
        WarmUp(live, data, symbol);
        WarmUp(ahead, data, symbol);

        await Task.Run(() =>
        {
            for (var i = 0; i < 150; i++)
            {
                // The worker failed long before the grain gets there: what came before is still handed out.
                Json(ahead.OnMinuteClosed(candles[i])).Should().Be(Json(live.OnMinuteClosed(candles[i])));
            }

            factory.ThrowIfFailed();
            var failing = () => ahead.OnMinuteClosed(candles[150]);
            failing.Should().Throw<IndicatorPrefetchException>().WithMessage("*BTCUSDT*engine broke at*").WithInnerException<InvalidDataException>();
            failing.Should().Throw<IndicatorPrefetchException>("the failure stays");
        }).WaitAsync(s_noHang);

        var run = () => factory.ThrowIfFailed();
        run.Should().Throw<IndicatorPrefetchException>().WithMessage("*engine broke at*");
    }

    [Fact]
    public async Task A_run_whose_indicator_worker_fails_ends_with_that_error_instead_of_hanging()
    {
        var request = new BacktestRequest
        {
            DataPaths = [TestData.CandlesFolder],
            From = new DateTimeOffset(2025, 5, 26, 0, 0, 0, TimeSpan.Zero),
            To = new DateTimeOffset(2025, 5, 28, 0, 0, 0, TimeSpan.Zero),
            WarmupBars = WarmupBars,
            Pipelines = new FailingPipelineFactory(new DateTimeOffset(2025, 5, 27, 3, 0, 0, TimeSpan.Zero)),
        };

        var run = () => BacktestRunner.RunAsync(request).WaitAsync(s_noHang);

        (await run.Should().ThrowAsync<IndicatorPrefetchException>()).WithMessage("*2025-05-27 03:00*engine broke at 03:00*");
    }

    [Fact]
    public void Disposing_the_factory_stops_its_workers_and_a_later_call_is_an_error()
    {
        var data = s_data.Value;
        var factory = new PrefetchingPipelineFactory(data, IndicatorPrefetch.PerSymbol, capacity: 64);
        var pipelines = data.Symbols.Select(factory.Create).ToArray();
        var candles = data.Symbols.Select(s => RunCandles(data, s)).ToArray();
        for (var s = 0; s < pipelines.Length; s++)
        {
            WarmUp(pipelines[s], data, data.Symbols[s]);
            pipelines[s].OnMinuteClosed(candles[s][0]);
        }

        var workers = factory.Workers;
        workers.Should().HaveCount(2).And.OnlyContain(w => w.IsRunning);

        factory.Dispose();

        workers.Should().OnlyContain(w => !w.IsRunning, "disposal joins the worker threads");
        var late = () => pipelines[0].OnMinuteClosed(candles[0][1]);
        late.Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void A_grain_waiting_for_a_worker_that_was_stopped_gets_an_error_not_a_hang()
    {
        var data = s_data.Value;
        const string symbol = "ETHUSDT";
        var candles = RunCandles(data, symbol);
        var ahead = new PrefetchLane(new IctIndicatorPipelineFactory().Create(symbol), LaneCandles.Of(data, symbol), LaneCandles.Of(data, symbol).Start, 4);
        using var worker = new PrefetchWorker("test");
        worker.Add(ahead);
        WaitUntilAhead(() => ahead.Buffered == 4);

        worker.Dispose();
        for (var i = 0; i < 4; i++)
        {
            ahead.Take().Should().NotBeEmpty("results computed before the stop are still handed out");
        }

        var waiting = () => ahead.Take();
        waiting.Should().Throw<IndicatorPrefetchException>().WithMessage($"*{symbol}*stopped*{candles[4].OpenTime:yyyy-MM-dd HH:mm}*");
    }

    [Fact]
    public async Task Disposing_the_silo_stops_the_workers_and_the_run_computed_ahead_matches_the_inline_run()
    {
        var request = new BacktestRequest
        {
            DataPaths = [TestData.CandlesFolder],
            From = new DateTimeOffset(2025, 5, 26, 0, 0, 0, TimeSpan.Zero),
            To = new DateTimeOffset(2025, 6, 6, 0, 0, 0, TimeSpan.Zero),
            WarmupBars = WarmupBars,
        };
        var data = MarketDataSet.Load(request.DataPaths, null, request.From, request.To, request.WarmupBars);
        PrefetchingPipelineFactory prefetch;
        await using (var silo = await BacktestSilo.StartAsync(request, data))
        {
            prefetch = silo.Prefetch!;
            var klines = silo.Client.GetStreamProvider(StreamNames.Provider).GetStream<CandleClosed>(StreamId.Create(StreamNames.Klines, "BTCUSDT"));
            foreach (var candle in RunCandles(data, "BTCUSDT").Take(3))
            {
                await silo.Runtime.AdvanceTimeAsync(candle.CloseTime - silo.Clock.GetUtcNow());
                await silo.DriveAsync(klines.OnNextAsync(new CandleClosed(candle)));
                await silo.Runtime.RunUntilQuiescentAsync();
            }

            prefetch.Workers.Should().ContainSingle().Which.IsRunning.Should().BeTrue();
            prefetch.Pipelines.Should().Contain(p => p.IsPrefetching);
        }

        prefetch.Workers.Should().OnlyContain(w => !w.IsRunning);

        var inline = await BacktestRunner.RunAsync(request with { IndicatorPrefetch = IndicatorPrefetch.Off });
        var shared = await BacktestRunner.RunAsync(request);
        var perSymbol = await BacktestRunner.RunAsync(request with { IndicatorPrefetch = IndicatorPrefetch.PerSymbol });
        inline.Trades.Should().NotBeEmpty("the period has trades, so the comparison covers them");
        shared.Fingerprint.Should().Be(inline.Fingerprint);
        perSymbol.Fingerprint.Should().Be(inline.Fingerprint);
        shared.Signals.Should().Be(inline.Signals);
        shared.Trades.Should().Equal(inline.Trades);
    }
}
