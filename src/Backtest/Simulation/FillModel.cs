namespace TradingBot.Backtest.Simulation;

/// <summary>
/// How orders become fills. Every field has a line in the report.
/// </summary>
public sealed record FillModel
{
    /// <summary>Taker fee (market entries, triggered stops/targets, market closes). Default 0.05 %.</summary>
    public decimal TakerFee { get; init; } = 0.0005m;

    /// <summary>Maker fee (resting limit orders; the strategies do not place any today). Default 0.02 %.</summary>
    public decimal MakerFee { get; init; } = 0.0002m;

    /// <summary>Fixed slippage in basis points applied against the taker on every market fill (entries, closes, triggered stops/targets).</summary>
    public decimal SlippageBps { get; init; } = 1m;

    /// <summary>
    /// Optional volatility slippage for market entries/closes: this fraction of the previous 1m bar's range
    /// (high − low), against the taker, on top of the fixed bps. 0 = off.
    /// </summary>
    public decimal VolatilitySlippageFraction { get; init; }

    /// <summary>When a stop and a take-profit both lie inside one 1m bar, walk to the stop first (pessimistic). Default true.</summary>
    public bool StopBeforeTarget { get; init; } = true;

    /// <summary>Maintenance margin rate for isolated liquidation.</summary>
    public decimal MaintenanceMarginRate { get; init; } = 0.004m;

    /// <summary>Report lines describing the model.</summary>
    public IReadOnlyList<string> Describe() =>
    [
        "entries: a signal on a closed bar is sent as a MARKET order and fills at the NEXT 1m bar's open (the first price the bot could get), never at the signal bar's close",
        $"slippage: {SlippageBps:0.##} bps against the taker on every market fill" + (VolatilitySlippageFraction > 0 ? $", plus {VolatilitySlippageFraction:0.####} × previous 1m range on entries and market closes" : " (volatility model off)"),
        $"fees: taker {TakerFee * 100m:0.####} %, maker {MakerFee * 100m:0.####} % of notional, charged on entry and exit",
        "stops/targets: exchange-side STOP_MARKET / TAKE_PROFIT_MARKET (mark price = 1m path) resolved on the 1m path open→extreme→extreme→close; a gap through the level fills at the gap price",
        StopBeforeTarget ? "stop and target inside one 1m bar: the stop is taken (path visits the stop's extreme first)" : "stop and target inside one 1m bar: path order by candle colour (green: low first, red: high first)",
        "entry bar: the fill is at the bar's open, so only price action after the fill can hit the stop/target",
        $"liquidation: isolated margin at the configured leverage, maintenance rate {MaintenanceMarginRate * 100m:0.###} %, whole isolated margin lost, checked at every path vertex",
    ];
}
