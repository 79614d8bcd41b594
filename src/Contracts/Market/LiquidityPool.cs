namespace TradingBot.Contracts.Market;

/// <summary>A level where stops cluster: two or more confirmed swings within a tolerance.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Timeframe">Timeframe of the swings.</param>
/// <param name="Side">Buy-side (above highs) or sell-side (below lows).</param>
/// <param name="Level">The pool's extreme (max of highs / min of lows).</param>
/// <param name="Members">Number of swings in the pool.</param>
/// <param name="FormedAt">When the pool became known.</param>
public sealed record LiquidityPool(string Id, Timeframe Timeframe, LiquiditySide Side, decimal Level, int Members, DateTimeOffset FormedAt);
