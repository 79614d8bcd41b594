using TradingBot.Contracts.Events;
using TradingBot.Contracts.Market;
using TradingBot.Contracts.Trading;

namespace TradingBot.Trading.Positions;

/// <summary>
/// The life of one position from its fills: average entry, fees, realized PnL net of both sides'
/// commissions, R multiple and which level closed it. Plain data so a PositionGrain can persist it
/// as one record (quantity, price and PnL must change together).
/// </summary>
public sealed class PositionLedger
{
    public string? PositionId { get; set; }

    public string Strategy { get; set; } = "";

    public string Symbol { get; set; } = "";

    public Direction Direction { get; set; }

    /// <summary>Open quantity (positive).</summary>
    public decimal Quantity { get; set; }

    /// <summary>Quantity entered in total (for the R multiple and averages).</summary>
    public decimal EnteredQuantity { get; set; }

    public decimal EntryPrice { get; set; }

    public decimal EntryFees { get; set; }

    public decimal ExitFees { get; set; }

    public decimal ExitQuantity { get; set; }

    public decimal ExitNotional { get; set; }

    /// <summary>Gross PnL of the exits so far (before commissions).</summary>
    public decimal GrossPnl { get; set; }

    /// <summary>The stop the trade was sized with; its distance is 1 R.</summary>
    public decimal InitialStop { get; set; }

    public decimal? StopLoss { get; set; }

    public decimal? TakeProfit { get; set; }

    public string? StopClientId { get; set; }

    public string? TakeProfitClientId { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>Fills already applied, so a re-delivered event is ignored.</summary>
    public HashSet<string> AppliedFills { get; set; } = new(StringComparer.Ordinal);

    public bool IsOpen => Quantity > 0;

    /// <summary>Starts a new position for an approved entry (before any fill).</summary>
    public void Begin(string positionId, string strategy, string symbol, Direction direction, decimal stopLoss, decimal takeProfit, string stopClientId, string takeProfitClientId)
    {
        PositionId = positionId;
        Strategy = strategy;
        Symbol = symbol;
        Direction = direction;
        Quantity = 0;
        EnteredQuantity = 0;
        EntryPrice = 0;
        EntryFees = 0;
        ExitFees = 0;
        ExitQuantity = 0;
        ExitNotional = 0;
        GrossPnl = 0;
        InitialStop = stopLoss;
        StopLoss = stopLoss;
        TakeProfit = takeProfit;
        StopClientId = stopClientId;
        TakeProfitClientId = takeProfitClientId;
        AppliedFills.Clear();
    }

    /// <summary>
    /// Applies a fill. Returns the PositionClosed event when this fill flattened the position.
    /// Fills in the position's direction add to it; opposite fills reduce it.
    /// </summary>
    public PositionClosed? Apply(PositionFill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        if (!AppliedFills.Add($"{fill.ClientOrderId}#{fill.TradeId}") || fill.Quantity <= 0)
        {
            return null;
        }

        var increases = (fill.Side == OrderSide.Buy) == (Direction == Direction.Bullish);
        if (increases || Quantity == 0)
        {
            if (Quantity == 0)
            {
                OpenedAt = fill.At;
            }

            EntryPrice = ((EntryPrice * Quantity) + (fill.Price * fill.Quantity)) / (Quantity + fill.Quantity);
            Quantity += fill.Quantity;
            EnteredQuantity += fill.Quantity;
            EntryFees += fill.Commission;
            return null;
        }

        var closing = Math.Min(fill.Quantity, Quantity);
        var sign = Direction == Direction.Bullish ? 1m : -1m;
        var reason = ExitReasonOf(fill.ClientOrderId);
        GrossPnl += reason == ExitReason.Liquidation && fill.RealizedProfit is { } lost
            ? lost
            : (fill.Price - EntryPrice) * closing * sign;
        ExitFees += fill.Commission;
        ExitQuantity += closing;
        ExitNotional += fill.Price * closing;
        Quantity -= closing;
        if (Quantity > 0)
        {
            return null;
        }

        return new PositionClosed(
            PositionId ?? $"{Symbol}:{OpenedAt.ToUnixTimeMilliseconds()}",
            Strategy,
            Symbol,
            Direction,
            EntryPrice,
            ExitNotional / ExitQuantity,
            EnteredQuantity,
            NetPnl,
            EntryFees + ExitFees,
            reason,
            RMultiple,
            OpenedAt,
            fill.At);
    }

    /// <summary>Realized PnL net of entry and exit commissions.</summary>
    public decimal NetPnl => GrossPnl - EntryFees - ExitFees;

    /// <summary>Net PnL divided by the money at risk at the initial stop.</summary>
    public decimal RMultiple
    {
        get
        {
            var risk = Math.Abs(EntryPrice - InitialStop) * EnteredQuantity;
            return risk == 0 ? 0 : Math.Round(NetPnl / risk, 4);
        }
    }

    /// <summary>Unrealized PnL at a mark price (gross).</summary>
    public decimal UnrealizedPnl(decimal markPrice) => (markPrice - EntryPrice) * Quantity * (Direction == Direction.Bullish ? 1m : -1m);

    private ExitReason ExitReasonOf(string clientOrderId)
    {
        if (clientOrderId == StopClientId)
        {
            return ExitReason.StopLoss;
        }

        if (clientOrderId == TakeProfitClientId)
        {
            return ExitReason.TakeProfit;
        }

        if (clientOrderId.StartsWith("autoclose-", StringComparison.Ordinal) || clientOrderId.StartsWith("adl_autoclose", StringComparison.Ordinal))
        {
            return ExitReason.Liquidation;
        }

        if (clientOrderId.EndsWith("-x", StringComparison.Ordinal))
        {
            return ExitReason.EmergencyStop;
        }

        if (clientOrderId.EndsWith("-d", StringComparison.Ordinal))
        {
            return ExitReason.DailyLossLimit;
        }

        return ExitReason.Manual;
    }
}
