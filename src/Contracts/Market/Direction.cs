namespace TradingBot.Contracts.Market;

/// <summary>Which way a zone, break or trade points.</summary>
public enum Direction
{
    Bullish = 1,
    Bearish = -1,
}
