using TradingBot.Backtest.Results;
using TradingBot.Backtest.Simulation;
using TradingBot.Contracts.Events;
using TradingBot.Contracts.Market;
using TradingBot.Runtime.Streams;

namespace TradingBot.Backtest.Running;

/// <summary>
/// Listens to the grains' positions, signals and risk streams like the dashboard would, and books each closed position
/// with the exchange-side money flows (fees, funding, liquidation loss) of the same position.
/// </summary>
internal sealed class TradeCollector(BacktestExchange exchange) : IAsyncObserver<IBotEvent>, IAsyncObserver<SignalGenerated>
{
    private readonly Dictionary<string, PositionOpened> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _refusals = new(StringComparer.Ordinal);
    private readonly List<TradeRecord> _trades = [];
    private readonly List<SignalGenerated> _signals = [];

    public IReadOnlyList<TradeRecord> Trades => _trades;

    public IReadOnlyList<SignalGenerated> Signals => _signals;

    public IReadOnlyDictionary<string, int> Refusals => _refusals;

    public IEnumerable<PositionOpened> OpenPositions => _open.Values;

    public Task OnNextAsync(IBotEvent item, StreamSequenceToken? token = null)
    {
        switch (item)
        {
            case PositionOpened opened:
                _open[opened.PositionId] = opened;
                break;
            case PositionClosed closed:
                Book(closed);
                break;
            case RiskThresholdExceeded refused:
                _refusals[refused.Rule] = _refusals.GetValueOrDefault(refused.Rule) + 1;
                break;
        }

        return Task.CompletedTask;
    }

    public Task OnNextAsync(SignalGenerated item, StreamSequenceToken? token = null)
    {
        _signals.Add(item);
        return Task.CompletedTask;
    }

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    /// <summary>Positions still open at the end, marked to the last close.</summary>
    public IEnumerable<TradeRecord> MarkOpenPositions(DateTimeOffset at, Func<string, decimal> lastPrice)
    {
        foreach (var opened in _open.Values.OrderBy(o => o.At))
        {
            var flows = exchange.OpenFlows(opened.Symbol);
            var price = lastPrice(opened.Symbol);
            var sign = opened.Direction == Direction.Bullish ? 1m : -1m;
            var unrealized = (price - opened.EntryPrice) * opened.Quantity * sign;
            var net = unrealized - flows.Fees + flows.Funding;
            yield return Record(opened, at, price, "Open", flows.Fees, flows.Funding, net);
        }
    }

    private void Book(PositionClosed closed)
    {
        var flows = exchange.TakeClosedFlows(closed.Symbol);
        _open.Remove(closed.PositionId, out var opened);
        opened ??= new PositionOpened(closed.PositionId, closed.Strategy, closed.Symbol, closed.Direction, closed.EntryPrice, closed.Quantity, 0, closed.EntryPrice, closed.EntryPrice, closed.OpenedAt);

        // The exchange's books are what the wallet saw (a liquidation loses the whole isolated margin, not just the
        // price move the ledger computes); fall back to the ledger only if no flows were recorded.
        var fees = flows?.Fees ?? closed.Fees;
        var funding = flows?.Funding ?? 0m;
        var net = flows?.Net ?? closed.RealizedPnl;
        _trades.Add(Record(opened, closed.At, closed.ExitPrice, closed.Reason.ToString(), fees, funding, net) with { EntryPrice = closed.EntryPrice, OpenedAt = closed.OpenedAt, Quantity = closed.Quantity });
    }

    private static TradeRecord Record(PositionOpened opened, DateTimeOffset at, decimal exit, string reason, decimal fees, decimal funding, decimal net)
    {
        var risk = Math.Abs(opened.EntryPrice - opened.StopLoss) * opened.Quantity;
        return new TradeRecord(opened.Strategy, opened.Symbol, opened.Direction == Direction.Bullish ? "Long" : "Short", opened.At, at, opened.EntryPrice, exit, opened.Quantity,
            opened.StopLoss, opened.TakeProfit, reason, fees, funding, net, risk == 0 ? 0 : Math.Round(net / risk, 4));
    }
}
