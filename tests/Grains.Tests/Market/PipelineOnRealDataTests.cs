using TradingBot.Contracts.Market;
using TradingBot.Grains.Market;
using TradingBot.Grains.Tests.Support;
using TradingBot.Trading.Strategies;
using Xunit.Abstractions;

namespace TradingBot.Grains.Tests.Market;

public sealed class PipelineOnRealDataTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_strategy_finds_setups_in_seven_weeks_of_real_btc_candles()
    {
        var candles = BundledCandles.Load("BTCUSDT");
        var pipeline = new IctIndicatorPipeline("BTCUSDT");
        var view = new MarketView("BTCUSDT");
        IStrategyRule[] rules = [new StrategyA(), new StrategyB(), new StrategyC()];
        var signals = rules.ToDictionary(r => r.Name, _ => 0);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        void Count(string key, int n = 1) => counts[key] = counts.GetValueOrDefault(key) + n;
        foreach (var candle in candles)
        {
            foreach (var snapshot in pipeline.OnMinuteClosed(candle))
            {
                view.Apply(snapshot);
                var tf = snapshot.Timeframe.ToString();
                Count($"{tf} breaks", snapshot.Breaks.Length);
                Count($"{tf} sweeps", snapshot.Sweeps.Length);
                Count($"{tf} zones (sum)", snapshot.Zones.Length);
                Count($"{tf} pools (sum)", snapshot.Pools.Length);
                Count($"{tf} new FVG", snapshot.Zones.Count(z => z.Kind == ZoneKind.FairValueGap && z.FormedAt == snapshot.Candle.CloseTime));
                foreach (var rule in rules)
                {
                    if (rule.Evaluate(view, snapshot, new StrategySettings()) is not null)
                    {
                        signals[rule.Name]++;
                    }
                }
            }
        }

        foreach (var (key, value) in counts.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{key}: {value}");
        }

        output.WriteLine(string.Join(", ", signals.Select(s => $"{s.Key}={s.Value}")));
        signals.Values.Should().AllSatisfy(n => n.Should().BePositive());
    }
}
