using TradingBot.Dashboard.Ports.Trading;

namespace TradingBot.Dashboard.Tests.Fakes;

/// <summary>In-memory trading state the tests mutate; deterministic sample data for charts.</summary>
public sealed class FakeTradingSource : ITradingDashboardSource
{
    public static readonly DateTimeOffset Epoch = new(2025, 6, 2, 0, 0, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private readonly List<PositionView> _positions = [];
    private readonly Dictionary<string, StrategyStatsView> _strategies = new(StringComparer.Ordinal)
    {
        ["A"] = new("A", "Conservative", true, 42, 0.57m, 12.4m, 1.8m, 520.8m),
        ["B"] = new("B", "Aggressive", true, 77, 0.44m, 5.1m, 1.2m, 392.7m),
        ["C"] = new("C", "Mixed", true, 18, 0.61m, 9.9m, null, 178.2m),
    };

    public bool EntriesAllowed { get; set; } = true;

    public bool Running { get; set; } = true;

    public AccountView Account { get; set; } = new("USDT", 10_250.75m, 9_100.10m, 85.20m, 1_091.70m, Epoch);

    public IReadOnlyList<PositionView> Positions
    {
        get
        {
            lock (_gate)
            {
                return [.. _positions];
            }
        }
    }

    public static PositionView SamplePosition(string symbol = "BTCUSDT", decimal pnl = 12.5m) =>
        new(symbol, PositionSide.Long, 0.15m, 65_432.10m, 65_515.43m, pnl, 5, 64_800m, 66_500m, "A", Epoch.AddHours(5));

    public void Upsert(PositionView position)
    {
        lock (_gate)
        {
            _positions.RemoveAll(p => p.Symbol == position.Symbol);
            _positions.Add(position);
        }
    }

    public void ClearPositions()
    {
        lock (_gate)
        {
            _positions.Clear();
        }
    }

    public void SetStrategyEnabled(string strategy, bool enabled)
    {
        lock (_gate)
        {
            _strategies[strategy] = _strategies[strategy] with { Enabled = enabled };
        }
    }

    public IReadOnlyList<StrategyStatsView> Strategies
    {
        get
        {
            lock (_gate)
            {
                return [.. _strategies.Values.OrderBy(s => s.Strategy, StringComparer.Ordinal)];
            }
        }
    }

    public SystemStatusView Status => new(
        "paper",
        Running,
        EntriesAllowed,
        [.. Strategies.Where(s => s.Enabled).Select(s => s.Strategy)],
        [
            new ConnectionStatusView("market BTCUSDT", "Connected", Epoch.AddHours(6), 0),
            new ConnectionStatusView("market ETHUSDT", "Connected", Epoch.AddHours(6), 1),
            new ConnectionStatusView("user data", "Reconnecting", Epoch.AddHours(5.9), 3),
        ],
        Epoch.AddHours(6),
        120m,
        615m,
        EntriesAllowed ? null : "entries blocked by operator");

    public ValueTask<IReadOnlyList<PositionView>> GetPositionsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Positions);

    public ValueTask<AccountView> GetAccountAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Account);

    public ValueTask<IReadOnlyList<StrategyStatsView>> GetStrategyStatsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Strategies);

    public ValueTask<IReadOnlyList<TradeView>> GetRecentTradesAsync(int count, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<TradeView>>([.. SampleTrades().Take(count)]);

    public ValueTask<SystemStatusView> GetStatusAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Status);

    public ValueTask<IReadOnlyList<EquityPointView>> GetEquityCurveAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<EquityPointView>>(EquityCurve(Epoch.AddDays(-30), 30 * 24, TimeSpan.FromHours(1)));

    public ValueTask<ChartCatalogView> GetChartCatalogAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ChartCatalogView(["BTCUSDT", "ETHUSDT"], ["1m", "15m", "1h"]));

    public ValueTask<CandleChartView?> GetCandleChartAsync(string symbol, string timeframe, int limit, CancellationToken cancellationToken) =>
        ValueTask.FromResult<CandleChartView?>(SampleChart(symbol, timeframe, limit));

    public ValueTask<IReadOnlyList<BacktestRunSummaryView>> GetBacktestRunsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<BacktestRunSummaryView>>([BacktestSummary("bt-2", 2), BacktestSummary("bt-1", 1)]);

    public ValueTask<BacktestRunView?> GetBacktestRunAsync(string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(id is "bt-1" or "bt-2"
            ? new BacktestRunView(BacktestSummary(id, id == "bt-1" ? 1 : 2), EquityCurve(Epoch.AddDays(-365), 365, TimeSpan.FromDays(1)))
            : null);

    private static BacktestRunSummaryView BacktestSummary(string id, int seed) =>
        new(id, Epoch.AddDays(-seed), "A,B,C", ["BTCUSDT", "ETHUSDT"], Epoch.AddDays(-365), Epoch,
            new BacktestMetricsView(120 + seed, 0.52m, 1.45m, 1.3m, 8.7m, 23.4m + seed, 1.9m));

    private static IEnumerable<TradeView> SampleTrades()
    {
        for (var i = 0; i < 25; i++)
        {
            var opened = Epoch.AddHours(-i * 7);
            var win = i % 3 != 0;
            yield return new TradeView(
                $"t-{i}",
                i % 2 == 0 ? "BTCUSDT" : "ETHUSDT",
                i % 4 < 2 ? PositionSide.Long : PositionSide.Short,
                ((char)('A' + (i % 3))).ToString(),
                opened,
                opened.AddHours(3),
                i % 2 == 0 ? 65_000m + i * 10 : 3_400m + i,
                i % 2 == 0 ? 65_200m + i * 10 : 3_390m + i,
                i % 2 == 0 ? 0.1m : 1.5m,
                win ? 20m + i : -15m - i,
                win ? "TakeProfit" : "StopLoss");
        }
    }

    private static List<EquityPointView> EquityCurve(DateTimeOffset start, int points, TimeSpan step)
    {
        var curve = new List<EquityPointView>(points);
        var equity = 10_000m;
        var pnl = 0m;
        for (var i = 0; i < points; i++)
        {
            var change = (decimal)Math.Round(Math.Sin(i * 0.37) * 12 + Math.Cos(i * 0.11) * 6 + 1.2, 2);
            equity += change;
            pnl += change;
            curve.Add(new EquityPointView(start + (step * i), equity, pnl));
        }

        return curve;
    }

    private static CandleChartView SampleChart(string symbol, string timeframe, int limit)
    {
        var step = timeframe switch
        {
            "1m" => TimeSpan.FromMinutes(1),
            "15m" => TimeSpan.FromMinutes(15),
            _ => TimeSpan.FromHours(1),
        };
        var count = Math.Clamp(limit, 200, 200);
        var start = Epoch - (step * count);
        var price = symbol == "BTCUSDT" ? 65_000m : 3_400m;
        var scale = price / 1000m;
        var candles = new List<CandleView>(count);
        for (var i = 0; i < count; i++)
        {
            var drift = (decimal)(Math.Sin(i * 0.21) * 3 + Math.Sin(i * 0.05) * 5) * scale;
            var open = price;
            var close = price + drift;
            var high = Math.Max(open, close) + (scale * (1 + (i % 4)));
            var low = Math.Min(open, close) - (scale * (1 + (i % 3)));
            candles.Add(new CandleView(start + (step * i), open, high, low, close, 100 + i));
            price = close;
        }

        var c = candles;
        IctZoneView[] zones =
        [
            new(IctZoneKind.OrderBlock, ZoneDirection.Bullish, c[40].OpenTime, c[120].OpenTime, c[40].Low, c[40].High),
            new(IctZoneKind.FairValueGap, ZoneDirection.Bearish, c[90].OpenTime, null, Math.Min(c[89].Low, c[91].High), Math.Max(c[89].Low, c[91].High)),
            new(IctZoneKind.Breaker, ZoneDirection.Bearish, c[150].OpenTime, null, c[150].Low, c[150].High),
        ];
        LiquidityLevelView[] levels =
        [
            new(LiquiditySide.BuySide, c.Max(x => x.High), c[10].OpenTime, null),
            new(LiquiditySide.SellSide, c.Min(x => x.Low), c[30].OpenTime, c[170].OpenTime),
        ];
        ChartMarkerView[] markers =
        [
            new(c[60].OpenTime, ChartMarkerKind.Entry, PositionSide.Long, c[60].Close, "A long"),
            new(c[80].OpenTime, ChartMarkerKind.Exit, PositionSide.Long, c[80].Close, "TP"),
            new(c[170].OpenTime, ChartMarkerKind.Sweep, PositionSide.Short, c[170].Low, "SSL sweep"),
            new(c[175].OpenTime, ChartMarkerKind.StructureBreak, PositionSide.Long, c[175].High, "MSB"),
        ];
        return new CandleChartView(symbol, timeframe, candles, zones, levels, markers);
    }
}
