namespace TradingBot.Ict.Swings;

/// <summary>Swing detector parameters.</summary>
/// <param name="Length">L: a candidate is the extreme of bars p−L+1 … p+L and is confirmed L bars later.</param>
/// <param name="WarmupQuirk">Reference quirk: no candidate before bar 2L−1 although the window fits from L−1.</param>
public sealed record SwingOptions(int Length = 5, bool WarmupQuirk = false);
