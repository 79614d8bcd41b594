namespace TradingBot.Contracts.Market;

/// <summary>The kinds of price zones the ICT engine tracks.</summary>
public enum ZoneKind
{
    OrderBlock,
    FairValueGap,
    Breaker,
}
