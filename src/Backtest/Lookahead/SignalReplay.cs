using System.Text;
using TradingBot.Backtest.Data;
using TradingBot.Backtest.Simulation;
using TradingBot.Contracts.Market;
using TradingBot.Exchange.Model;
using TradingBot.Grains.Mapping;
using TradingBot.Grains.Market;
using TradingBot.Grains.Strategies;
using TradingBot.Runtime.Time;
using TradingBot.Trading.Strategies;

namespace TradingBot.Backtest.Lookahead;

/// <summary>A signal as signal generation produced it (no orders involved).</summary>
public sealed record ReplayedSignal(string Strategy, string Symbol, DateTimeOffset At, string Direction, decimal Entry, decimal StopLoss, decimal TakeProfit, string Evidence)
{
    public string Key => $"{Strategy}|{Symbol}|{At.ToUnixTimeMilliseconds()}";
}

/// <summary>
/// Signal generation exactly as the grains do it, without the runtime: the SymbolGrain's pipeline warmed from the same
/// klines, then every closed 1m bar; each strategy's market view, rule and duplicate arbiter fed every snapshot in the
/// order the indicators stream delivers them. Used to compare runs on full and truncated data.
/// </summary>
internal static class SignalReplay
{
    private static readonly Timeframe[] s_warmOrder = [Timeframe.H1, Timeframe.M15, Timeframe.M1];

    /// <summary>
    /// Replays the bars of <paramref name="data"/>; after the minute closing at each of <paramref name="captureAt"/>
    /// records a digest of every timeframe's latest snapshot (key "time symbol timeframe").
    /// </summary>
    public static (List<ReplayedSignal> Signals, Dictionary<string, string> Digests) Run(MarketDataSet data, IReadOnlyList<string> strategies, int warmupBars, IReadOnlyCollection<long> captureAt)
    {
        var captures = new HashSet<long>(captureAt);
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        var clock = new ManualTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(data.StartMs));
        var exchange = new BacktestExchange(data, new FillModel(), clock, 10_000m);
        var factory = new IctIndicatorPipelineFactory();
        var settings = new StrategySettings();
        var rules = strategies.Select(StrategyRules.For).ToArray();
        var arbiters = strategies.Select(_ => new SignalArbiter()).ToArray();
        var views = strategies.Select(_ => new Dictionary<string, MarketView>(StringComparer.Ordinal)).ToArray();
        var pipelines = new Dictionary<string, IIndicatorPipeline>(StringComparer.Ordinal);
        foreach (var symbol in data.Symbols)
        {
            var pipeline = factory.Create(symbol);
            foreach (var timeframe in s_warmOrder)
            {
                var query = new KlineQuery(symbol, ExchangeMapping.ToInterval(timeframe), clock.GetUtcNow() - (timeframe.Span * warmupBars), clock.GetUtcNow(), warmupBars);
                var klines = exchange.GetKlinesAsync(query).GetAwaiter().GetResult();
                pipeline.WarmUp(timeframe, klines.Where(k => k.IsClosed).Select(ExchangeMapping.ToCandle).ToList());
            }

            pipelines[symbol] = pipeline;
            for (var s = 0; s < strategies.Count; s++)
            {
                var view = new MarketView(symbol);
                foreach (var timeframe in s_warmOrder)
                {
                    if (pipeline.Latest(timeframe) is { } snapshot)
                    {
                        view.Apply(snapshot);
                    }
                }

                views[s][symbol] = view;
            }
        }

        var signals = new List<ReplayedSignal>();
        var series = data.Symbols.Select(s => data[s].Minutes).ToArray();
        var cursor = series.Select(s => s.LowerBound(data.StartMs)).ToArray();
        for (var minute = data.StartMs; minute < data.EndMs; minute += MarketDataSet.MinuteMs)
        {
            for (var i = 0; i < series.Length; i++)
            {
                if (cursor[i] >= series[i].Bars.Length || series[i].Bars[cursor[i]].OpenMs != minute)
                {
                    continue;
                }

                var b = series[i].Bars[cursor[i]++];
                var symbol = series[i].Symbol;
                var candle = new Candle(symbol, Timeframe.M1, DateTimeOffset.FromUnixTimeMilliseconds(b.OpenMs), b.Open, b.High, b.Low, b.Close, b.Volume);
                foreach (var snapshot in pipelines[symbol].OnMinuteClosed(candle))
                {
                    for (var s = 0; s < rules.Length; s++)
                    {
                        var view = views[s][symbol];
                        view.Apply(snapshot);
                        if (rules[s].Evaluate(view, snapshot, settings) is { } candidate && arbiters[s].Choose([(rules[s], candidate)]) is { } signal)
                        {
                            signals.Add(new ReplayedSignal(signal.Strategy, signal.Symbol, signal.At, signal.Direction.ToString(), signal.Entry, signal.StopLoss, signal.TakeProfit, string.Join(",", signal.ZoneIds)));
                        }
                    }
                }
            }

            var close = minute + MarketDataSet.MinuteMs;
            if (captures.Contains(close))
            {
                foreach (var (symbol, pipeline) in pipelines)
                {
                    foreach (var timeframe in s_warmOrder)
                    {
                        digests[$"{close} {symbol} {timeframe}"] = Digest(pipeline.Latest(timeframe));
                    }
                }
            }
        }

        return (signals, digests);
    }

    /// <summary>Everything a strategy can read from a snapshot, as text.</summary>
    private static string Digest(IndicatorSnapshot? s)
    {
        if (s is null)
        {
            return "none";
        }

        var text = new StringBuilder();
        text.Append(s.Candle.OpenTime.ToUnixTimeMilliseconds()).Append('|').Append(s.Trend).Append('|').Append(s.LastBreak).Append('|');
        foreach (var z in s.Zones)
        {
            text.Append(z).Append(';');
        }

        foreach (var p in s.Pools)
        {
            text.Append(p).Append(';');
        }

        foreach (var b in s.Breaks)
        {
            text.Append(b).Append(';');
        }

        foreach (var w in s.Sweeps)
        {
            text.Append(w).Append(';');
        }

        return text.ToString();
    }
}
