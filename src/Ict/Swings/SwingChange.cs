namespace TradingBot.Ict.Swings;

/// <summary>What the swing detector did at the current bar.</summary>
public enum SwingChange : byte
{
    None,
    Confirmed,
    Replaced,
}
