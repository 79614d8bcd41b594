namespace TradingBot.Ict.OrderBlocks;

/// <summary>Order block parameters (reference §3.4).</summary>
/// <param name="CloseMitigation">Fail the block when the body (min/max of open, close) goes through it instead of the wick.</param>
/// <param name="FixBullishMitigatedIndex">Record a bullish failure at the failing bar; false reproduces the reference's t−1 (PR #112).</param>
/// <param name="Float32Levels">Store levels and volumes as float32 and compare prices with them (reference parity).</param>
/// <param name="Candle">Which candle of the leg becomes the block (reference: the extreme one).</param>
/// <param name="MaxActive">Most recent blocks kept per direction and state (intact / failed); the oldest is dropped silently beyond that.</param>
public sealed record OrderBlockOptions(
    bool CloseMitigation = false,
    bool FixBullishMitigatedIndex = true,
    bool Float32Levels = false,
    int MaxActive = 16,
    OrderBlockCandle Candle = OrderBlockCandle.ExtremeInLeg);

/// <summary>How the order-block candle is chosen among the bars strictly between the broken swing and the break.</summary>
public enum OrderBlockCandle : byte
{
    /// <summary>Lowest low (bullish) / highest high (bearish), latest on ties (reference).</summary>
    ExtremeInLeg,

    /// <summary>ICT textbook: the last down-close (bullish) / up-close (bearish) candle; none → the reference fallback.</summary>
    LastOpposite,
}
