using System.Diagnostics;
using Microsoft.Extensions.Options;
using TradingBot.Contracts.Grains;
using TradingBot.Dashboard.Ports.Trading;
using TradingBot.Exchange.Model;
using TradingBot.Exchange.Port;
using TradingBot.Grains.Gateway;
using TradingBot.Grains.Hosting;
using TradingBot.Runtime;
using TradingBot.Silo.Hosting;
using TradingBot.Trading.Journal;
using PositionView = TradingBot.Dashboard.Ports.Trading.PositionView;

namespace TradingBot.Silo.Dashboard;

/// <summary>
/// The dashboard's read side over the real grains: positions from each symbol's PositionGrain, the
/// account from the exchange plus the RiskGrain's day, statistics and trades from the trade journal,
/// status from the RiskGrain, StrategyGrains and stream health, charts from the SymbolGrains.
/// </summary>
internal sealed class TradingDashboardSource(
    IClusterClient client,
    IExchange exchange,
    TradeJournal journal,
    StreamHealth health,
    IOptionsMonitor<TradingOptions> options,
    TimeProvider clock,
    SiloOptions silo,
    DashboardActivity activity,
    BacktestRunStore backtests) : ITradingDashboardSource
{
    /// <summary>Balances come from a REST call; mark-price pushes reuse a snapshot this young and add the grains' unrealized PnL.</summary>
    private static readonly TimeSpan s_accountMaxAge = TimeSpan.FromSeconds(2);
    private readonly Lock _gate = new();
    private (AccountSnapshot Snapshot, long At)? _account;
    private decimal? _cumulativePnl;
    private AccountSnapshot? _lastGoodAccount;

    private IReadOnlyList<string> Symbols => options.CurrentValue.Symbols;

    private IReadOnlyList<string> Strategies => options.CurrentValue.Strategies;

    /// <summary>The next account read goes to the exchange and the journal (after fills and closes).</summary>
    public void InvalidateAccount()
    {
        lock (_gate)
        {
            _account = null;
            _cumulativePnl = null;
        }
    }

    public async ValueTask<IReadOnlyList<PositionView>> GetPositionsAsync(CancellationToken cancellationToken)
    {
        var result = new List<PositionView>();
        foreach (var symbol in Symbols)
        {
            var position = await client.GetGrain<IPositionGrain>(symbol).GetAsync();
            if (position.Quantity != 0)
            {
                result.Add(DashboardViews.Position(position, clock.GetUtcNow()));
            }
        }

        return result;
    }

    public async ValueTask<AccountView> GetAccountAsync(CancellationToken cancellationToken)
    {
        var snapshot = await AccountSnapshotAsync(cancellationToken);
        var risk = await client.GetGrain<IRiskGrain>(AccountKeys.Main).GetStatusAsync();
        decimal unrealized = 0;
        foreach (var symbol in Symbols)
        {
            var position = await client.GetGrain<IPositionGrain>(symbol).GetAsync();
            unrealized += position.Quantity != 0 ? position.UnrealizedPnl : 0;
        }

        decimal cumulative;
        lock (_gate)
        {
            cumulative = _cumulativePnl ??= journal.RealizedPnlSeries().Sum(p => p.RealizedPnl);
        }

        return new AccountView(
            "USDT",
            snapshot.TotalWalletBalance + unrealized,
            snapshot.AvailableBalance,
            risk.DailyRealizedPnl + unrealized,
            cumulative,
            clock.GetUtcNow());
    }

    public async ValueTask<IReadOnlyList<StrategyStatsView>> GetStrategyStatsAsync(CancellationToken cancellationToken)
    {
        var statistics = journal.StrategyStatistics().ToDictionary(s => s.Strategy, StringComparer.Ordinal);
        var result = new List<StrategyStatsView>();
        foreach (var strategy in Strategies)
        {
            var status = await client.GetGrain<IStrategyGrain>(strategy).GetStatusAsync();
            statistics.TryGetValue(strategy, out var s);
            result.Add(new StrategyStatsView(
                strategy,
                DashboardViews.StrategyName(strategy),
                status.Enabled,
                s?.Trades ?? 0,
                s?.WinRate ?? 0,
                s?.AveragePnl ?? 0,
                s?.ProfitFactor,
                s?.TotalPnl ?? 0));
        }

        return result;
    }

    public ValueTask<IReadOnlyList<TradeView>> GetRecentTradesAsync(int count, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<TradeView>>([.. journal.RecentTrades(Math.Clamp(count, 1, 1000)).Select(DashboardViews.Trade)]);

    public async ValueTask<SystemStatusView> GetStatusAsync(CancellationToken cancellationToken)
    {
        var risk = await client.GetGrain<IRiskGrain>(AccountKeys.Main).GetStatusAsync();
        var active = new List<string>();
        foreach (var strategy in Strategies)
        {
            if ((await client.GetGrain<IStrategyGrain>(strategy).GetStatusAsync()).Enabled)
            {
                active.Add(strategy);
            }
        }

        var connections = health.States
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new ConnectionStatusView(
                s.Key + " stream",
                char.ToUpperInvariant(s.Value[0]) + s.Value[1..],
                LastMessage(s.Key) ?? health.LastChange(s.Key),
                activity.Reconnects(s.Key)))
            .ToList();
        var lastClosed = health.LastClosed.Values.Select(t => (DateTimeOffset?)t.AddMinutes(1)).DefaultIfEmpty(null).Max();
        var lastUpdate = new[] { lastClosed, activity.LastEventAt }.Max();
        return new SystemStatusView(
            silo.Mode,
            IsRunning(risk, active.Count),
            risk.EntriesAllowed,
            active,
            connections,
            lastUpdate,
            Math.Max(0, -risk.DailyRealizedPnl),
            risk.DailyLossLimitAmount,
            DashboardViews.StatusMessage(risk, active.Count));
    }

    /// <summary>Running = not emergency-stopped and at least one strategy on (the dashboard's stop turns them all off).</summary>
    public static bool IsRunning(RiskStatus risk, int enabledStrategies)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return !risk.EmergencyStopped && enabledStrategies > 0;
    }

    public async ValueTask<IReadOnlyList<EquityPointView>> GetEquityCurveAsync(CancellationToken cancellationToken)
    {
        var series = journal.RealizedPnlSeries();
        var account = await AccountSnapshotAsync(cancellationToken);
        var realized = series.Sum(p => p.RealizedPnl);
        // The curve is rebuilt from realized PnL backwards from today's wallet (funding is not journaled).
        var start = account.TotalWalletBalance - realized;
        var points = new List<EquityPointView>(series.Count + 2);
        var now = clock.GetUtcNow();
        var cumulative = 0m;
        if (series.Count > 0)
        {
            points.Add(new EquityPointView(series[0].ClosedAt.AddMinutes(-1), start, 0));
        }

        foreach (var (closedAt, pnl) in series)
        {
            cumulative += pnl;
            points.Add(new EquityPointView(closedAt, start + cumulative, cumulative));
        }

        if (points.Count == 0 || points[^1].Time < now)
        {
            points.Add(new EquityPointView(now, account.TotalWalletBalance + account.TotalUnrealizedPnl, cumulative));
        }

        return points;
    }

    public ValueTask<ChartCatalogView> GetChartCatalogAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ChartCatalogView([.. Symbols], [.. ChartComposer.Timeframes.Select(t => t.ToString())]));

    public async ValueTask<CandleChartView?> GetCandleChartAsync(string symbol, string timeframe, int limit, CancellationToken cancellationToken)
    {
        if (!Symbols.Contains(symbol, StringComparer.Ordinal) || ChartComposer.ParseTimeframe(timeframe) is not { } tf)
        {
            return null;
        }

        var grain = client.GetGrain<ISymbolGrain>(symbol);
        var candles = await grain.GetCandlesAsync(tf, Math.Clamp(limit, 1, 2000));
        var snapshot = await grain.GetSnapshotAsync(tf);
        var from = candles.IsDefaultOrEmpty ? clock.GetUtcNow() : candles[0].OpenTime;
        var trades = journal.TradesOf(symbol, from, 200);
        var position = await client.GetGrain<IPositionGrain>(symbol).GetAsync();
        var (sweeps, breaks) = activity.Recent(symbol, tf);
        return ChartComposer.Compose(symbol, tf, candles, snapshot, sweeps, breaks, trades, position.Quantity != 0 ? position : null);
    }

    public ValueTask<IReadOnlyList<BacktestRunSummaryView>> GetBacktestRunsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(backtests.List());

    public ValueTask<BacktestRunView?> GetBacktestRunAsync(string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(backtests.Find(id));

    private DateTimeOffset? LastMessage(string stream) =>
        stream == "market" ? health.LastClosed.Values.Select(t => (DateTimeOffset?)t.AddMinutes(1)).DefaultIfEmpty(null).Max() : null;

    private async Task<AccountSnapshot> AccountSnapshotAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_account is { } cached && Stopwatch.GetElapsedTime(cached.At) < s_accountMaxAge)
            {
                return cached.Snapshot;
            }
        }

        AccountSnapshot snapshot;
        try
        {
            snapshot = await exchange.GetAccountAsync(cancellationToken);
        }
        catch (ExchangeException) when (_lastGoodAccount is { } stale)
        {
            // The page keeps showing the last known balances rather than failing while the exchange is unreachable.
            return stale;
        }

        lock (_gate)
        {
            _account = (snapshot, Stopwatch.GetTimestamp());
            _lastGoodAccount = snapshot;
        }

        return snapshot;
    }
}
