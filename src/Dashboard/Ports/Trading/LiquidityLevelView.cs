namespace TradingBot.Dashboard.Ports.Trading;

/// <summary>Buy-side liquidity rests above highs, sell-side below lows.</summary>
public enum LiquiditySide
{
    BuySide,
    SellSide,
}

/// <summary>A liquidity level (equal highs/lows, swing point) drawn as a horizontal line.</summary>
/// <param name="Side">Buy side or sell side.</param>
/// <param name="Price">Level price.</param>
/// <param name="From">UTC time the level formed.</param>
/// <param name="SweptAt">UTC time price swept it; null while intact.</param>
public sealed record LiquidityLevelView(LiquiditySide Side, decimal Price, DateTimeOffset From, DateTimeOffset? SweptAt);
