namespace TradingBot.Ict.Engine;

/// <summary>Outcome of feeding one candle.</summary>
public enum IctUpdateStatus : byte
{
    /// <summary>The candle was processed.</summary>
    Processed,

    /// <summary>The candle's open time is not after the previous candle (duplicate or out of order); ignored.</summary>
    RejectedNotAfterPrevious,

    /// <summary>The candle has non-finite prices, high &lt; low, or open/close outside [low, high]; ignored.</summary>
    RejectedInvalid,
}
