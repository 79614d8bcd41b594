namespace TradingBot.Contracts.Market;

/// <summary>Buy-side liquidity rests above highs; sell-side liquidity rests below lows.</summary>
public enum LiquiditySide
{
    BuySide,
    SellSide,
}
