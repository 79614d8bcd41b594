using System.Text.Json;
using TradingBot.Backtest.Data;
using TradingBot.Backtest.Running.Prefetch;
using TradingBot.Backtest.Tests.Support;
using TradingBot.Contracts.Market;
using TradingBot.Grains.Market;

namespace TradingBot.Backtest.Tests.Running.Prefetch;

/// <summary>
/// The bundled real BTCUSDT/ETHUSDT futures 1m candles of a few days, with the warm-up a SymbolGrain would load, fed to
/// pipelines as the grain feeds them.
/// </summary>
internal static class PrefetchScenario
{
    public const int WarmupBars = 300;

    public static MarketDataSet LoadData(int days = 4) => MarketDataSet.Load(
        [TestData.CandlesFolder], null, new DateTimeOffset(2025, 5, 26, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 5, 26 + days, 0, 0, 0, TimeSpan.Zero), WarmupBars);

    /// <summary>The run's 1m candles of a symbol, as the runner builds them.</summary>
    public static List<Candle> RunCandles(MarketDataSet data, string symbol)
    {
        var series = data[symbol].Minutes;
        return [.. series.Bars[series.LowerBound(data.StartMs)..series.LowerBound(data.EndMs)].Select(b => ToCandle(symbol, Timeframe.M1, b))];
    }

    /// <summary>The closed history per timeframe before the run, in the grain's order (1h, 15m, 1m).</summary>
    public static void WarmUp(IIndicatorPipeline pipeline, MarketDataSet data, string symbol)
    {
        foreach (var (timeframe, series) in new[] { (Timeframe.H1, data[symbol].Hour), (Timeframe.M15, data[symbol].Quarter), (Timeframe.M1, data[symbol].Minutes) })
        {
            var end = series.LowerBound(data.StartMs - series.IntervalMs + 1);
            var bars = series.Bars[Math.Max(0, end - WarmupBars)..end];
            pipeline.WarmUp(timeframe, [.. bars.Select(b => ToCandle(symbol, timeframe, b))]);
        }
    }

    /// <summary>The live pipeline and one from <paramref name="factory"/>, both warmed up alike, and the run's candles.</summary>
    public static (IIndicatorPipeline Live, PrefetchingPipeline Ahead, List<Candle> Candles) WarmedUpPair(
        PrefetchingPipelineFactory factory, MarketDataSet data, string symbol)
    {
        var live = new IctIndicatorPipelineFactory().Create(symbol);
        var ahead = (PrefetchingPipeline)factory.Create(symbol);
        WarmUp(live, data, symbol);
        WarmUp(ahead, data, symbol);
        return (live, ahead, RunCandles(data, symbol));
    }

    public static Candle ToCandle(string symbol, Timeframe timeframe, Bar b) =>
        new(symbol, timeframe, DateTimeOffset.FromUnixTimeMilliseconds(b.OpenMs), b.Open, b.High, b.Low, b.Close, b.Volume);

    /// <summary>Every value of the snapshots, ids, times and decimal scales included (what the bench's snapshot hash covers).</summary>
    public static string Json(IReadOnlyList<IndicatorSnapshot> snapshots) => JsonSerializer.Serialize(snapshots);

    public static string Json(IndicatorSnapshot? snapshot) => JsonSerializer.Serialize(snapshot);

    /// <summary>The state answers of a pipeline, for comparing two pipelines at the same position.</summary>
    public static string State(IIndicatorPipeline pipeline) => string.Join(
        "\n",
        new[] { Timeframe.M1, Timeframe.M15, Timeframe.H1 }.Select(t =>
            $"{t}: {pipeline.LastClosed(t)} {Json(pipeline.Latest(t))} {JsonSerializer.Serialize(pipeline.Candles(t, 5000))}"));

    /// <summary>Waits (bounded) until the worker has filled the lane as far as it can, so it is truly ahead of the caller.</summary>
    public static void WaitUntilAhead(Func<bool> ahead) =>
        SpinWait.SpinUntil(ahead, TimeSpan.FromSeconds(30)).Should().BeTrue("the worker computes ahead, refilling its ring once half of it was taken");
}

/// <summary>The live pipeline, failing with <see cref="InvalidDataException"/> on the candle opening at <paramref name="failAt"/>.</summary>
internal sealed class FailingPipelineFactory(DateTimeOffset failAt) : IIndicatorPipelineFactory
{
    public int Created { get; private set; }

    public IIndicatorPipeline Create(string symbol)
    {
        Created++;
        return new Failing(new IctIndicatorPipelineFactory().Create(symbol), failAt);
    }

    private sealed class Failing(IIndicatorPipeline inner, DateTimeOffset failAt) : IIndicatorPipeline
    {
        public void WarmUp(Timeframe timeframe, IReadOnlyList<Candle> closed) => inner.WarmUp(timeframe, closed);

        public IReadOnlyList<IndicatorSnapshot> OnMinuteClosed(Candle candle) =>
            candle.OpenTime == failAt ? throw new InvalidDataException($"engine broke at {failAt:HH:mm}") : inner.OnMinuteClosed(candle);

        public IndicatorSnapshot? Latest(Timeframe timeframe) => inner.Latest(timeframe);

        public IReadOnlyList<Candle> Candles(Timeframe timeframe, int count) => inner.Candles(timeframe, count);

        public DateTimeOffset? LastClosed(Timeframe timeframe) => inner.LastClosed(timeframe);
    }
}
