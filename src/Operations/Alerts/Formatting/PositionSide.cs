namespace TradingBot.Operations.Alerts.Formatting;

/// <summary>Direction of a position as shown in alerts.</summary>
public enum PositionSide
{
    Long,
    Short,
}
