using TradingBot.Backtest.Data;
using TradingBot.Backtest.Running.Prefetch;
using TradingBot.Contracts.Market;
using TradingBot.Grains.Market;
using static TradingBot.Backtest.Tests.Running.Prefetch.PrefetchScenario;

namespace TradingBot.Backtest.Tests.Running.Prefetch;

/// <summary>The pipeline computed ahead hands back exactly what the live pipeline computes inline, whatever it is fed.</summary>
public sealed class PrefetchingPipelineTests
{
    private static readonly Lazy<MarketDataSet> s_data = new(() => LoadData());

    [Theory]
    [InlineData(IndicatorPrefetch.Shared, 4096)]
    [InlineData(IndicatorPrefetch.PerSymbol, 4096)]
    [InlineData(IndicatorPrefetch.Shared, 8)]
    public void Computed_ahead_the_snapshots_and_state_are_those_of_the_inline_pipeline(IndicatorPrefetch mode, int capacity)
    {
        var data = s_data.Value;
        using var factory = new PrefetchingPipelineFactory(data, mode, capacity: capacity);
        var symbols = data.Symbols;
        var live = symbols.Select(s => new IctIndicatorPipelineFactory().Create(s)).ToArray();
        var ahead = symbols.Select(factory.Create).ToArray();
        var candles = symbols.Select(s => RunCandles(data, s)).ToArray();
        for (var s = 0; s < symbols.Count; s++)
        {
            WarmUp(live[s], data, symbols[s]);
            WarmUp(ahead[s], data, symbols[s]);
            State(ahead[s]).Should().Be(State(live[s]));
        }

        var produced = 0L;
        for (var i = 0; i < candles[0].Count; i++)
        {
            // Minute by minute, symbol by symbol, as the runner feeds the grains.
            for (var s = 0; s < symbols.Count; s++)
            {
                var expected = live[s].OnMinuteClosed(candles[s][i]);
                var actual = ahead[s].OnMinuteClosed(candles[s][i]);
                produced += actual.Count;
                Json(actual).Should().Be(Json(expected), $"{symbols[s]} candle {i} gives the same snapshots");
                ahead[s].LastClosed(Timeframe.M1).Should().Be(live[s].LastClosed(Timeframe.M1));
            }

            if (i is 1 or 500 or 2000)
            {
                for (var s = 0; s < symbols.Count; s++)
                {
                    var lane = ((PrefetchingPipeline)ahead[s]).Lane!;
                    WaitUntilAhead(() => lane.Buffered >= Math.Min(lane.Capacity / 2, candles[s].Count - i - 1));
                    lane.Buffered.Should().BeLessThanOrEqualTo(lane.Capacity, "the ring is bounded");
                    State(ahead[s]).Should().Be(State(live[s]), "the state is the grain's position, not the worker's ahead of it");
                }
            }
        }

        produced.Should().BeGreaterThan(2 * 4 * 1440, "every 1m candle gives at least its own snapshot");
        factory.Pipelines.Should().OnlyContain(p => p.IsPrefetching && !p.FellBack);
        factory.Workers.Should().HaveCount(mode == IndicatorPrefetch.Shared ? 1 : symbols.Count);
        factory.ThrowIfFailed();
    }

    [Fact]
    public void A_candle_other_than_the_one_computed_ahead_falls_back_to_the_inline_state()
    {
        var data = s_data.Value;
        using var factory = new PrefetchingPipelineFactory(data, IndicatorPrefetch.Shared, capacity: 64);
        const string symbol = "BTCUSDT";
        var (live, ahead, candles) = WarmedUpPair(factory, data, symbol);

        // The grain sees a corrected candle, then skips one (a gap), then goes on with the data.
        var fed = new List<Candle>(candles.Take(700)) { candles[700] with { Close = candles[700].Close + 5m, High = candles[700].High + 5m } };
        fed.AddRange(candles.Skip(702).Take(600));
        for (var i = 0; i < fed.Count; i++)
        {
            if (i == 700)
            {
                WaitUntilAhead(() => ahead.Lane!.Buffered >= ahead.Lane.Capacity / 2);
                ahead.IsPrefetching.Should().BeTrue();
            }

            Json(ahead.OnMinuteClosed(fed[i])).Should().Be(Json(live.OnMinuteClosed(fed[i])), $"candle {i} gives the same snapshots");
        }

        ahead.FellBack.Should().BeTrue();
        ahead.IsPrefetching.Should().BeFalse();
        State(ahead).Should().Be(State(live));
        factory.ThrowIfFailed();
    }

    [Fact]
    public void The_same_values_written_with_another_decimal_scale_are_not_taken_as_the_candle_computed_ahead()
    {
        // The 1m snapshot carries the candle it was computed from: 1.50 and 1.5 are equal but do not serialize alike.
        var data = s_data.Value;
        using var factory = new PrefetchingPipelineFactory(data, IndicatorPrefetch.PerSymbol, capacity: 16);
        const string symbol = "ETHUSDT";
        var (live, ahead, candles) = WarmedUpPair(factory, data, symbol);
        var rescaled = candles[40] with { Volume = decimal.Parse(candles[40].Volume.ToString(System.Globalization.CultureInfo.InvariantCulture) + (candles[40].Volume.Scale == 0 ? ".0" : "0"), System.Globalization.CultureInfo.InvariantCulture) };
        rescaled.Volume.Should().Be(candles[40].Volume);
        var fed = candles.Take(40).Append(rescaled).Concat(candles.Skip(41).Take(100)).ToList();

        foreach (var candle in fed)
        {
            Json(ahead.OnMinuteClosed(candle)).Should().Be(Json(live.OnMinuteClosed(candle)));
        }

        ahead.FellBack.Should().BeTrue();
        factory.Workers.Should().OnlyContain(w => !w.IsRunning, "a symbol's own worker ends when the symbol falls back");
    }

    [Fact]
    public void A_warm_up_after_the_hand_over_goes_to_a_rebuilt_inline_pipeline()
    {
        var data = s_data.Value;
        using var factory = new PrefetchingPipelineFactory(data, IndicatorPrefetch.Shared, capacity: 32);
        const string symbol = "BTCUSDT";
        var (live, ahead, candles) = WarmedUpPair(factory, data, symbol);
        for (var i = 0; i < 300; i++)
        {
            Json(ahead.OnMinuteClosed(candles[i])).Should().Be(Json(live.OnMinuteClosed(candles[i])));
        }

        // A second warm-up (a re-activation would do this) with 1m history the pipeline has already seen.
        var again = candles.Skip(250).Take(50).ToList();
        live.WarmUp(Timeframe.M1, again);
        ahead.WarmUp(Timeframe.M1, again);
        ahead.FellBack.Should().BeTrue();
        State(ahead).Should().Be(State(live));
        for (var i = 300; i < 400; i++)
        {
            Json(ahead.OnMinuteClosed(candles[i])).Should().Be(Json(live.OnMinuteClosed(candles[i])));
        }
    }

    [Fact]
    public void A_first_candle_outside_the_run_is_computed_inline_without_a_worker()
    {
        var data = s_data.Value;
        using var factory = new PrefetchingPipelineFactory(data, IndicatorPrefetch.Shared);
        const string symbol = "ETHUSDT";
        var live = new IctIndicatorPipelineFactory().Create(symbol);
        var ahead = (PrefetchingPipeline)factory.Create(symbol);
        var candles = RunCandles(data, symbol);
        var early = candles[0] with { OpenTime = candles[0].OpenTime.AddDays(-1) };

        Json(ahead.OnMinuteClosed(early)).Should().Be(Json(live.OnMinuteClosed(early)));
        Json(ahead.OnMinuteClosed(candles[0])).Should().Be(Json(live.OnMinuteClosed(candles[0])));

        ahead.IsPrefetching.Should().BeFalse();
        factory.Workers.Should().BeEmpty();
    }
}
