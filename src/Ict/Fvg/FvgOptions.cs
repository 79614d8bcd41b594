namespace TradingBot.Ict.Fvg;

/// <summary>Fair value gap parameters.</summary>
/// <param name="JoinConsecutive">Merge runs of same-direction gaps onto the last row (reference <c>join_consecutive</c>).</param>
/// <param name="RetireOnFirstTouch">Stop tracking at the first touch (all the reference needs); otherwise track midpoint and full fill.</param>
/// <param name="MinSizeAtr">Ignore gaps narrower than this multiple of ATR; 0 = off (reference).</param>
/// <param name="MaxActive">Most recent active gaps kept per direction; the oldest is dropped silently beyond that.</param>
public sealed record FvgOptions(bool JoinConsecutive = false, bool RetireOnFirstTouch = false, double MinSizeAtr = 0, int MaxActive = 16);
