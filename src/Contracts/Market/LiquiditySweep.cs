namespace TradingBot.Contracts.Market;

/// <summary>A bar that wicked beyond a liquidity pool and closed back inside.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Timeframe">Timeframe of the sweeping bar.</param>
/// <param name="Side">Which liquidity was taken: a sell-side sweep favours longs.</param>
/// <param name="Level">The swept pool level.</param>
/// <param name="Extreme">The sweeping wick's extreme (low for sell-side, high for buy-side).</param>
/// <param name="At">Close time of the sweeping bar.</param>
public sealed record LiquiditySweep(string Id, Timeframe Timeframe, LiquiditySide Side, decimal Level, decimal Extreme, DateTimeOffset At)
{
    /// <summary>The reversal direction a sweep suggests.</summary>
    public Direction ReversalDirection => Side == LiquiditySide.SellSide ? Direction.Bullish : Direction.Bearish;
}
