using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;
using TradingBot.Grains.Market;
using TradingBot.Grains.Strategies;
using TradingBot.Silo.Tests.EndToEnd.Scripted.Scripts;
using TradingBot.Trading.Strategies;

namespace TradingBot.Grains.Tests.Strategies;

/// <summary>
/// A scripted market through what the silo runs, without the runtime: the SymbolGrain's pipeline warmed with the
/// closed bars a kline request at the first live minute returns (500 per timeframe), then every live minute; each
/// strategy's view seeded like StrategyGrain.StartAsync and fed every snapshot in stream order.
/// </summary>
internal static class ScriptReplay
{
    private const int HistoryBars = 500;

    public static List<TradeSignal> Run(ScriptedScenario scenario, IReadOnlyList<string> strategies, Action<IndicatorSnapshot>? onSnapshot = null)
    {
        var pipeline = new IctIndicatorPipelineFactory().Create(scenario.Symbol);
        var history = scenario.History.ToList();
        foreach (var timeframe in new[] { Timeframe.H1, Timeframe.M15, Timeframe.M1 })
        {
            pipeline.WarmUp(timeframe, Aggregate(history, timeframe).TakeLast(HistoryBars).ToList());
        }

        var rules = strategies.Select(StrategyRules.For).ToArray();
        var arbiters = rules.Select(_ => new SignalArbiter()).ToArray();
        var views = rules.Select(_ => new MarketView(scenario.Symbol)).ToArray();
        foreach (var view in views)
        {
            foreach (var timeframe in new[] { Timeframe.H1, Timeframe.M15, Timeframe.M1 })
            {
                if (pipeline.Latest(timeframe) is { } seed)
                {
                    view.Apply(seed);
                }
            }
        }

        var settings = new StrategySettings();
        var signals = new List<TradeSignal>();
        foreach (var minute in scenario.Live)
        {
            foreach (var snapshot in pipeline.OnMinuteClosed(minute))
            {
                onSnapshot?.Invoke(snapshot);
                for (var i = 0; i < rules.Length; i++)
                {
                    views[i].Apply(snapshot);
                    if (rules[i].Evaluate(views[i], snapshot, settings) is { } candidate && arbiters[i].Choose([(rules[i], candidate)]) is { } signal)
                    {
                        signals.Add(signal);
                    }
                }
            }
        }

        return signals;
    }

    /// <summary>Closed bars of a timeframe built from 1m candles, as the simulator serves klines.</summary>
    public static IEnumerable<Candle> Aggregate(IReadOnlyList<Candle> minutes, Timeframe timeframe)
    {
        if (timeframe == Timeframe.M1)
        {
            return minutes;
        }

        var span = timeframe.Span.Ticks;
        return minutes
            .GroupBy(m => new DateTimeOffset(m.OpenTime.UtcTicks / span * span, TimeSpan.Zero))
            .Where(g => g.Count() == (int)timeframe.Span.TotalMinutes)
            .Select(g => new Candle(g.First().Symbol, timeframe, g.Key, g.First().Open, g.Max(m => m.High), g.Min(m => m.Low), g.Last().Close, g.Sum(m => m.Volume)));
    }
}
