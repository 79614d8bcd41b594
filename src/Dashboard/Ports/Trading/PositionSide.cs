namespace TradingBot.Dashboard.Ports.Trading;

/// <summary>Direction of a position or trade as the dashboard shows it.</summary>
public enum PositionSide
{
    Long,
    Short,
}
