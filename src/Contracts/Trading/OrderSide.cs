namespace TradingBot.Contracts.Trading;

/// <summary>Exchange order side.</summary>
public enum OrderSide
{
    Buy,
    Sell,
}
