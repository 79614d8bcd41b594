namespace TradingBot.Dashboard.Ports.Trading;

/// <summary>
/// Read side of the trading dashboard. The integrator implements it over the grains (and the trade
/// history store); every call must be cheap and must never return secrets.
/// </summary>
public interface ITradingDashboardSource
{
    /// <summary>Open positions, empty when flat.</summary>
    ValueTask<IReadOnlyList<PositionView>> GetPositionsAsync(CancellationToken cancellationToken);

    /// <summary>Account balances and PnL.</summary>
    ValueTask<AccountView> GetAccountAsync(CancellationToken cancellationToken);

    /// <summary>Statistics for every configured strategy (A, B, C).</summary>
    ValueTask<IReadOnlyList<StrategyStatsView>> GetStrategyStatsAsync(CancellationToken cancellationToken);

    /// <summary>The most recent closed trades, newest first, at most <paramref name="count"/>.</summary>
    ValueTask<IReadOnlyList<TradeView>> GetRecentTradesAsync(int count, CancellationToken cancellationToken);

    /// <summary>Connections, entries flag, daily loss, mode.</summary>
    ValueTask<SystemStatusView> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary>Live equity curve, oldest first.</summary>
    ValueTask<IReadOnlyList<EquityPointView>> GetEquityCurveAsync(CancellationToken cancellationToken);

    /// <summary>Symbols and timeframes for which <see cref="GetCandleChartAsync"/> has data.</summary>
    ValueTask<ChartCatalogView> GetChartCatalogAsync(CancellationToken cancellationToken);

    /// <summary>The last <paramref name="limit"/> candles with ICT overlays; null for an unknown symbol/timeframe.</summary>
    ValueTask<CandleChartView?> GetCandleChartAsync(string symbol, string timeframe, int limit, CancellationToken cancellationToken);

    /// <summary>Stored backtest runs, newest first.</summary>
    ValueTask<IReadOnlyList<BacktestRunSummaryView>> GetBacktestRunsAsync(CancellationToken cancellationToken);

    /// <summary>One backtest run with its equity curve; null when unknown.</summary>
    ValueTask<BacktestRunView?> GetBacktestRunAsync(string id, CancellationToken cancellationToken);
}
